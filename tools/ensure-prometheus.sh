#!/usr/bin/env bash
# Prints the directory holding `prometheus` and `promtool` (Debian's `prometheus` package).
# Uses the ones on PATH when present; otherwise fetches the .deb once with `apt-get download` (no root
# needed) and unpacks it with `dpkg -x` into .local/prometheus. Nothing is started.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1; then
  dirname "$(command -v promtool)"; exit 0
fi
dest="$root/.local/prometheus"
if [[ -x "$dest/usr/bin/promtool" && -x "$dest/usr/bin/prometheus" ]]; then echo "$dest/usr/bin"; exit 0; fi
mkdir -p "$dest/deb"
(
  cd "$dest/deb"
  if ! ls prometheus_*.deb >/dev/null 2>&1; then
    apt-get download prometheus >&2 || { apt-get update >&2 && apt-get download prometheus >&2; }
  fi
  dpkg -x prometheus_*.deb "$dest"
) >&2
[[ -x "$dest/usr/bin/promtool" ]] || { echo "tributary: could not install Debian's prometheus package into $dest" >&2; exit 1; }
echo "$dest/usr/bin"
