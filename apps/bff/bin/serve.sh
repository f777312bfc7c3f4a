#!/usr/bin/env bash
# Runs the built BFF (apps/bff/dist/server.js); extra arguments go to node before the script.
#
# In front of a real cluster (DCOS_URL set) the process is only the BFF, and its V8 heap is
# capped at MERIDIAN_BFF_HEAP_MB (default 1024 MB). The cap is what keeps its resident memory
# within budget: below 2 GB, V8 grows the heap by ~1.6× the live objects between full
# collections instead of 4× (at 10,000 agents / 100,000 tasks the live set is ~150-250 MB;
# docs/performance.md). With the embedded demo cluster in the same process the cluster's size
# is the load profile's, so no cap is set.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
heap=()
if [[ -n "${DCOS_URL:-}" ]]; then
  mb="${MERIDIAN_BFF_HEAP_MB:-1024}"
  if ! [[ "$mb" =~ ^[0-9]+$ ]] || (( mb < 256 )); then
    echo "MERIDIAN_BFF_HEAP_MB must be a whole number of megabytes, at least 256 (got \"$mb\")" >&2
    exit 2
  fi
  heap=(--max-old-space-size="$mb")
fi
exec node "${heap[@]}" "$@" "$here/dist/server.js"
