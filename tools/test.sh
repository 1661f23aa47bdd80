#!/usr/bin/env bash
# Runs the test suites and prints `N passed, N failed` as the last line.
#   tools/test.sh          unit + integration + e2e (starts the local stack if it is not running,
#                          and stops it afterwards only if it started it)
#   tools/test.sh unit     only the suites that need no stack
#   tools/test.sh deploy   only the Helm chart, Dockerfile and compose checks (tests/deploy) and the
#                          alert rules and dashboard (tests/prometheus, promtool)
#   tools/test.sh chaos    the full-size chaos runs (CHAOS_ORDERS=2000, CHAOS_KILLS=5 sink SIGKILLs,
#                          CHAOS_BROKER_KILLS=3 SIGKILLs of a private broker on free ports; the projector kill
#                          test with PROJECTOR_KILL_EVENTS=100000, PROJECTOR_KILLS=5 unless set)
#   tools/test.sh fuzz     the full-size fuzz run (FUZZ_RUNS=10000 hostile webhooks unless set); the
#                          e2e suite of a normal run includes the same fuzz specs in a short form (FUZZ_RUNS=500)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results=".local/test-results"
rm -rf "$results" && mkdir -p "$results"
what="${1:-all}"
started_stack=0

cleanup() {
  if (( started_stack )); then echo "tributary: stopping the local stack this run started"; infra/local/stack.sh stop >/dev/null || true; fi
}
trap cleanup EXIT

# suite name, concurrency, globs...
run_suite() {
  local name="$1" concurrency="$2"; shift 2
  # --test-force-exit: a file whose tests are done ends even if a client left a handle open;
  # timeout: a hung suite fails the run instead of holding CI until its limit.
  timeout --signal=TERM --kill-after=30 "${SUITE_TIMEOUT:-1200}" \
  node --test --test-concurrency="$concurrency" --test-timeout="${TEST_TIMEOUT:-300000}" --test-force-exit \
    --test-reporter=spec --test-reporter-destination="$results/$name.log" \
    --test-reporter=./tools/test-summary-reporter.mjs --test-reporter-destination="$results/$name.json" \
    "$@"
  local code=$?
  echo "── $name ($(node -p "const r=require('./$results/$name.json'); r.passed+' passed, '+r.failed+' failed'" 2>/dev/null || echo 'no result'))"
  return $code
}

started=$(date +%s)
pids=()
# With the full run, the local stack starts in the background while the suites that need no stack
# run; the stack suites (integration, e2e) start once those are done, so the e2e specs — which
# spawn services and wait on them — do not share two cores with the unit suite and a JVM warming up.
stack_pid=""
if [[ "$what" == all ]] && ! infra/local/stack.sh status >/dev/null 2>&1; then
  infra/local/stack.sh start > "$results/stack-start.log" 2>&1 & stack_pid=$!
  started_stack=1
fi
if [[ "$what" != chaos && "$what" != deploy && "$what" != fuzz ]]; then
  run_suite unit 2 'libs/**/dist/**/*.spec.js' 'apps/**/dist/**/*.spec.js' 'simulators/**/dist/**/*.spec.js' & pids+=($!)
fi
if [[ "$what" != chaos && "$what" != fuzz ]]; then
  # The Helm chart (lint + render with helm-java, fetched once into .local/helm-java), the
  # Dockerfile and docker-compose.yml: no cluster, no Docker, no stack.
  run_suite deploy 1 'tests/deploy/*.spec.mjs' & pids+=($!)
  # The alert rules and the dashboard: promtool check/test rules (Debian's prometheus package,
  # unpacked once into .local/prometheus by tools/ensure-prometheus.sh), runbooks, metric names.
  run_suite prometheus 1 'tests/prometheus/*.spec.mjs' & pids+=($!)
fi

if [[ "$what" == fuzz ]]; then
  if ! infra/local/stack.sh status >/dev/null 2>&1; then infra/local/stack.sh start || exit 1; started_stack=1; fi
  FUZZ_RUNS="${FUZZ_RUNS:-10000}" SUITE_TIMEOUT="${SUITE_TIMEOUT:-3600}" TEST_TIMEOUT=3600000 run_suite fuzz 1 'tests/e2e/dist/fuzz-*.e2e-spec.js' & pids+=($!)
fi

if [[ "$what" == chaos ]]; then
  if ! infra/local/stack.sh status >/dev/null 2>&1; then infra/local/stack.sh start || exit 1; started_stack=1; fi
  # The chaos spec starts its own broker (infra/local/stack.sh start kafka on a free port pair) to
  # kill and restart it; the shared stack gives it the schema registry.
  CHAOS_ORDERS="${CHAOS_ORDERS:-2000}" CHAOS_KILLS="${CHAOS_KILLS:-5}" CHAOS_BROKER_KILLS="${CHAOS_BROKER_KILLS:-3}" SUITE_TIMEOUT="${SUITE_TIMEOUT:-5400}" TEST_TIMEOUT=5400000 run_suite chaos 1 'tests/e2e/dist/chaos.e2e-spec.js' & pids+=($!)
  # The fault proxy between the sink and Intacct (black hole, latency, resets). It hung once in a
  # fresh-clone run of make test (its start never finished) and is here until that is understood;
  # the proxy's own specs (libs/testing) stay in make test.
  run_suite network-chaos 1 'tests/e2e/dist/*.chaos-spec.js' & pids+=($!)
  # The inventory projector SIGKILLed during a stream of 100,000 events (5,000 in `make test`).
  PROJECTOR_KILL_EVENTS="${PROJECTOR_KILL_EVENTS:-100000}" PROJECTOR_KILLS="${PROJECTOR_KILLS:-5}" SUITE_TIMEOUT="${SUITE_TIMEOUT:-5400}" TEST_TIMEOUT=5400000 run_suite projector-chaos 1 'tests/e2e/dist/inventory-projector-kill.e2e-spec.js' & pids+=($!)
fi

status=0
if [[ "$what" == all ]]; then
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  pids=()
  if [[ -n "$stack_pid" ]]; then
    wait "$stack_pid" || { cat "$results/stack-start.log"; echo "tributary: the local stack did not start"; echo "0 passed, 1 failed"; exit 1; }
    cat "$results/stack-start.log"
  fi
  run_suite integration 1 'libs/**/dist/**/*.int-spec.js' 'apps/**/dist/**/*.int-spec.js' & pids+=($!)
  # Includes the fuzz specs (tests/e2e/src/fuzz-*.e2e-spec.ts) in their short form.
  FUZZ_RUNS="${FUZZ_RUNS:-500}" run_suite e2e 2 'tests/e2e/dist/**/*.e2e-spec.js' & pids+=($!)
fi

for pid in "${pids[@]}"; do wait "$pid" || status=1; done

for log in "$results"/*.log; do
  if grep -q '^✖ failing tests' "$log"; then echo; echo "════ failures in $(basename "$log" .log) ════"; sed -n '/^✖ failing tests/,$p' "$log"; fi
done
passed=0; failed=0
for json in "$results"/*.json; do
  [[ -s "$json" ]] || { failed=$((failed + 1)); continue; }
  passed=$((passed + $(node -p "require('./$json').passed")))
  failed=$((failed + $(node -p "require('./$json').failed")))
done
(( failed > 0 )) && status=1
echo "tests took $(( $(date +%s) - started ))s (details in $results/*.log)"
cleanup; started_stack=0   # stop the stack before the summary, so the summary is the last line
echo "$passed passed, $failed failed"
exit $status
