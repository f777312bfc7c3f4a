#!/usr/bin/env bash
# `npm test` (and .ci/run): install what is needed (pnpm, dependencies, Debian's Chromium when
# missing), then typecheck, lint, unit + integration tests, build and the Playwright flows.
# Ends with one line "N passed, N failed" summed over every runner; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
LOGS="$ROOT/.ci-logs"
rm -rf "$LOGS" && mkdir -p "$LOGS"
: "${CHROMIUM_PATH:=/usr/bin/chromium}"
export CHROMIUM_PATH CI="${CI:-true}"

APT_PID=""
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "==> installing Debian chromium in the background"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  ( $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation ) >"$LOGS/apt.log" 2>&1 &
  APT_PID=$!
fi

step() { # step <name> <command...>; records "<name> ok|fail" for the summary
  local name=$1; shift
  local t0=$SECONDS
  echo "==> [$name]"
  if "$@" >"$LOGS/$name.log" 2>&1; then
    echo "<== [$name] ok ($((SECONDS - t0))s)"
    echo "$name ok" >>"$LOGS/steps.txt"
    return 0
  fi
  echo "<== [$name] FAILED ($((SECONDS - t0))s); last lines of .ci-logs/$name.log:"
  tail -n 40 "$LOGS/$name.log"
  echo "$name fail" >>"$LOGS/steps.txt"
  return 1
}

source scripts/ensure-pnpm.sh
echo "pnpm $(pnpm --version)"
if step install pnpm install --frozen-lockfile --reporter=append-only; then
  step typecheck pnpm run typecheck
  step lint pnpm run lint
  step unit pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$LOGS/vitest.json"
  if step build pnpm run build; then
    if [ -n "$APT_PID" ]; then
      wait "$APT_PID" || echo "apt-get install chromium failed; see .ci-logs/apt.log"
      APT_PID=""
    fi
    PLAYWRIGHT_JSON_OUTPUT_FILE="$LOGS/playwright.json" step e2e pnpm --filter @meridian/e2e exec playwright test --reporter=list,json
  fi
fi
[ -z "$APT_PID" ] || wait "$APT_PID"
node scripts/ci-summary.mjs "$LOGS"
