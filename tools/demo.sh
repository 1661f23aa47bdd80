#!/usr/bin/env bash
# make demo: the local stack, the Intacct simulator, clarity-ingress and intacct-sink as processes,
# then a batch of sample orders through signed webhooks. Everything is left running; `make down` stops it.
#   tools/demo.sh [--orders N]     run the demo
#   tools/demo.sh --stop           stop the demo's services (not the stack)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
run=".local/run"; logs=".local/logs"
mkdir -p "$run" "$logs"

export INTACCT_SIM_PORT="${INTACCT_SIM_PORT:-8090}"
export HTTP_PORT="${HTTP_PORT:-3000}"
export CLARITY_WEBHOOK_SECRETS="${CLARITY_WEBHOOK_SECRETS:-whsec_demo_current,whsec_demo_previous}"
export INTACCT_ENDPOINT_URL="http://127.0.0.1:${INTACCT_SIM_PORT}/ia/xml/xmlgw.phtml"
export INTACCT_SENDER_ID=tributary-sim INTACCT_SENDER_PASSWORD=sim-sender-pass
export INTACCT_COMPANY_ID=TRIBUTARY-DEMO INTACCT_USER_ID=ws_user INTACCT_USER_PASSWORD=ws-pass
export KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}"
export SCHEMA_REGISTRY_URL="http://127.0.0.1:${REGISTRY_PORT:-8081}/apis/ccompat/v7"

stop_services() {
  for name in intacct-sink clarity-ingress intacct-simulator; do
    local pidfile="$run/demo-$name.pid"
    [[ -f "$pidfile" ]] || continue
    local pid; pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; kill -KILL "$pid" 2>/dev/null || true; echo "stopped $name (pid $pid)"; fi
    rm -f "$pidfile"
  done
}

if [[ "${1:-}" == "--stop" ]]; then stop_services; exit 0; fi

start_service() {
  local name="$1" ops_port="$2"; shift 2
  OPS_PORT="$ops_port" nohup node "$@" >"$logs/$name.log" 2>&1 &
  echo $! >"$run/demo-$name.pid"
  echo "started $name (pid $!, logs $logs/$name.log$( (( ops_port > 0 )) && echo ", metrics http://127.0.0.1:$ops_port/metrics"))"
}

infra/local/stack.sh start
stop_services
start_service intacct-simulator 0 simulators/intacct/dist/main.js
start_service clarity-ingress 9464 apps/clarity-ingress/dist/main.js
start_service intacct-sink 9465 apps/intacct-sink/dist/main.js
node tools/demo.mjs "$@"
echo
echo "The stack and the services are still running. Stop everything with: make down"
