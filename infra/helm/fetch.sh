#!/usr/bin/env bash
# Fetches helm-java (Helm lint/template as a Java library with its native linux-amd64 Helm) from
# Maven Central into .local/helm-java/libs, once: skipped when present and infra/helm/pom.xml is
# unchanged. Prints the libs directory on stdout (progress goes to stderr).
#   infra/helm/fetch.sh          fetch if needed, print the directory
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libs="$root/.local/helm-java/libs"
say() { printf 'helm-java: %s\n' "$*" >&2; }

stamp="$(sha256sum "$here/pom.xml" | cut -c1-16)"
if [[ -f "$libs/.fetched" && "$(<"$libs/.fetched")" == "$stamp" ]]; then
  printf '%s\n' "$libs"; exit 0
fi
command -v mvn >/dev/null 2>&1 || { say "mvn (Maven) is required to fetch helm-java (apt-get install maven)"; exit 1; }
mkdir -p "$root/.local/helm-java"
# One fetch at a time (parallel test suites may ask together).
exec 9>"$root/.local/helm-java/.lock"
flock -w 600 9
if [[ -f "$libs/.fetched" && "$(<"$libs/.fetched")" == "$stamp" ]]; then printf '%s\n' "$libs"; exit 0; fi
say "fetching helm-java from Maven Central into ${libs#"$root"/} ..."
t0=$(date +%s)
tmp="$libs.tmp.$$"; rm -rf "$tmp"
out="$(mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1)" \
  || { printf '%s\n' "$out" | tail -n 40 >&2; rm -rf "$tmp"; say "fetch failed"; exit 1; }
echo "$stamp" >"$tmp/.fetched"
rm -rf "$libs"; mv "$tmp" "$libs"
say "fetched in $(( $(date +%s) - t0 ))s ($(ls "$libs"/*.jar | wc -l) jars, $(du -sh "$libs" | cut -f1))"
printf '%s\n' "$libs"
