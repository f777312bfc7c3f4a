#!/usr/bin/env bash
# Runs the built BFF (apps/bff/dist/server.js); extra arguments go to node before the script.
#
# In front of a real cluster (DCOS_URL set) the process is only the BFF, and its V8 heap is
# capped at MERIDIAN_BFF_HEAP_MB (default 1024 MB) unless NODE_OPTIONS already sets
# --max-old-space-size. The cap is what keeps its resident memory within budget: below 2 GB,
# V8 lets the heap grow to ~1.6× the live objects between full collections instead of up to 4×
# (at 10,000 agents / 100,000 tasks the live set is 110-220 MB; docs/performance.md). With the
# embedded demo cluster in the same process the cluster's size is the load profile's, so no cap
# is set.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
heap=()
if [[ -n "${DCOS_URL:-}" && "${NODE_OPTIONS:-}" != *max-old-space-size* ]]; then
  mb="${MERIDIAN_BFF_HEAP_MB:-1024}"
  # Decimal digits without a leading zero (bash would read 08 as octal), 256 MB to 1 TB.
  if ! [[ "$mb" =~ ^[1-9][0-9]{2,6}$ ]] || (( mb < 256 )); then
    echo "MERIDIAN_BFF_HEAP_MB must be a whole number of megabytes from 256 to 9999999 (got \"$mb\")" >&2
    exit 2
  fi
  heap=(--max-old-space-size="$mb")
fi
# ${heap[@]+...}: an empty array is "unbound" under set -u in bash before 4.4 (macOS /bin/bash).
exec node ${heap[@]+"${heap[@]}"} "$@" "$here/dist/server.js"
