# Sourced by scripts/start.sh and scripts/test-all.sh: puts the pinned pnpm on PATH.
# corepack (bundled with Node 20) runs the version pinned with its hash in package.json's
# `packageManager`; the hash is what lets corepack skip the signature check this registry
# cannot satisfy (see shared toolchain notes). Falls back to a local npm install.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1].split('+')[0]")"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
if ! command -v pnpm >/dev/null 2>&1 || [ "$(cd "$ROOT" && pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  mkdir -p "$ROOT/.ci/.bin"
  if corepack enable --install-directory "$ROOT/.ci/.bin" pnpm >/dev/null 2>&1 \
    && [ "$(cd "$ROOT" && PATH="$ROOT/.ci/.bin:$PATH" pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    export PATH="$ROOT/.ci/.bin:$PATH"
  else
    npm install -g --prefix "$ROOT/.ci/.pnpm" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$ROOT/.ci/.pnpm/bin:$PATH"
  fi
fi
