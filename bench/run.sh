#!/usr/bin/env bash
# make bench: starts the local stack if needed (and stops it afterwards only if it started it),
# installs the Node-RED peer under bench/peers/node-red on first use, runs bench/run.mjs.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$(tools/ensure-node.sh):$PATH"
started=0
if ! infra/local/stack.sh status >/dev/null 2>&1; then infra/local/stack.sh start || exit 1; started=1; fi
if [[ ",${BENCH_ONLY:-peer}," == *",peer,"* && ! -f bench/peers/node-red/node_modules/node-red/red.js ]]; then
  echo "bench: installing Node-RED under bench/peers/node-red"
  npm install --prefix bench/peers/node-red --no-audit --no-fund --loglevel=error --ignore-scripts || exit 1
fi
mkdir -p bench/results
node bench/run.mjs "$@" 2>&1 | tee bench/results/last-run.txt
status=${PIPESTATUS[0]}
if (( started )); then infra/local/stack.sh stop >/dev/null || true; fi
exit $status
