#!/usr/bin/env bash
# `npm start`: install what is needed, build, and serve the console on the embedded demo
# cluster at http://127.0.0.1:${PORT:-8080}. Set DCOS_URL (and DCOS_ACS_TOKEN) for a real cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile --reporter=silent
pnpm run build
exec env NODE_ENV=production bash apps/bff/bin/serve.sh
