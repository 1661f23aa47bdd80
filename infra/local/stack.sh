#!/usr/bin/env bash
# The local stack without Docker: a single-node KRaft Kafka broker and an in-memory Apicurio
# schema registry, both fetched from Maven Central (infra/local/pom.xml) into .local/ and run as
# background JVMs. Run `infra/local/stack.sh --help` for the subcommands.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
local_dir="$root/.local"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
REGISTRY_PORT="${REGISTRY_PORT:-8081}"
# Apicurio (Quarkus) also opens a management port (health, metrics); default 9000 would make two
# registries collide, so derive it from the registry port.
REGISTRY_MANAGEMENT_PORT="${REGISTRY_MANAGEMENT_PORT:-$((REGISTRY_PORT + 1000))}"
STACK_TIMEOUT="${STACK_TIMEOUT:-90}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
REGISTRY_HEAP_OPTS="${REGISTRY_HEAP_OPTS:--Xms64m -Xmx384m}"

kafka_libs="$local_dir/kafka/libs"
apicurio_home="$local_dir/apicurio"
run_dir="$local_dir/run"
log_dir="$local_dir/logs"
# The default port set uses the plain names; any other port set gets its own data, config, pid
# and log files so that two stacks never share state.
ksfx=""; [[ "$KAFKA_PORT" == 9092 ]] || ksfx="-$KAFKA_PORT"
rsfx=""; [[ "$REGISTRY_PORT" == 8081 ]] || rsfx="-$REGISTRY_PORT"
kafka_data="${KAFKA_DATA_DIR:-$local_dir/kafka/data$ksfx}"
[[ "$kafka_data" == /* ]] || kafka_data="$PWD/$kafka_data"
kafka_props="$local_dir/kafka/server$ksfx.properties"
kafka_pid="$run_dir/kafka$ksfx.pid"
kafka_log="$log_dir/kafka$ksfx.log"
registry_pid="$run_dir/registry$rsfx.pid"
registry_log="$log_dir/registry$rsfx.log"

say() { printf 'stack: %s\n' "$*"; }
die() { printf 'stack: error: %s\n' "$*" >&2; exit 1; }
rel() { printf '%s' "${1#"$root"/}"; }
now_ms() { date +%s%3N; }
secs_since() { local t0="$1" t1; t1="$(now_ms)"; printf '%d.%01ds' $(((t1 - t0) / 1000)) $((((t1 - t0) % 1000) / 100)); }

usage() {
  cat <<EOF
usage: infra/local/stack.sh <command> [kafka|registry]

  fetch          download Kafka jars (.local/kafka/libs) and Apicurio (.local/apicurio) from
                 Maven Central, only when missing or when infra/local/pom.xml changed
  start          fetch if needed; start Kafka (KRaft, broker+controller) and the Apicurio registry
                 in the background, reusing whatever already answers on their ports; wait until
                 both are ready (a consumer group can join; the ccompat API answers)
  stop [--all]   stop the processes this script started (pid files in .local/run) for the current
                 port set (--all: every port set); never touches anything else
  status         show each component; exit 0 if both are reachable, else 3
  started-by-us  exit 0 if at least one pid file points at a live process we started
  reset          stop, then delete the broker's data (next start formats a fresh broker)
  kill           SIGKILL the processes this script started for the current port set, as a crash
                 would (no clean shutdown; the pid file stays until the next start or stop); for
                 chaos tests. A later start restarts them on the same ports and data

  start, stop, status, reset and kill take an optional component, kafka or registry: only that
  one (e.g. a private broker for a chaos test, on its own ports and data, next to a shared
  registry: KAFKA_PORT=19392 KAFKA_CONTROLLER_PORT=19393 infra/local/stack.sh start kafka).

environment (defaults):
  KAFKA_PORT=9092  KAFKA_CONTROLLER_PORT=9093  REGISTRY_PORT=8081
  REGISTRY_MANAGEMENT_PORT=REGISTRY_PORT+1000  STACK_TIMEOUT=90 (seconds, readiness wait)
  KAFKA_HEAP_OPTS="-Xms256m -Xmx512m"  REGISTRY_HEAP_OPTS="-Xms64m -Xmx384m"
  JAVA_HOME (Kafka needs Java >= 17; the registry needs >= 21, else the newest /usr/lib/jvm/* is used)

  KAFKA_DATA_DIR=.local/kafka/data[-KAFKA_PORT]  (the broker's log.dirs)
  KAFKA_EXTRA_PROPS=""  (more broker settings, space-separated key=value, appended to its
                        server.properties; e.g. broker.session.timeout.ms=2000 so that a broker
                        restarted after a SIGKILL re-registers at once, not after 9 s)

files: data .local/kafka/data[-PORT], logs .local/logs/{kafka,registry}[-PORT].log,
       pid files .local/run/{kafka,registry}[-PORT].pid
EOF
}

# ---------------------------------------------------------------------------------------------
# helpers

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# Is the pid in <pidfile> alive and really the process we started (guards against pid reuse)?
# $2 is a string its command line must contain.
pid_ours() {
  local file="$1" marker="$2" pid
  [[ -s "$file" ]] || return 1
  pid="$(<"$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}
kafka_marker() { printf '%s' "$kafka_props"; }
registry_marker() { printf -- '-Dquarkus.http.port=%s ' "$REGISTRY_PORT"; }
kafka_ours() { pid_ours "$kafka_pid" "$(kafka_marker)"; }
registry_ours() { pid_ours "$registry_pid" "$(registry_marker)"; }

rss_of() { awk '/^VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || true; }

java_major() { # prints the feature version of the java binary $1
  local bin="$1" home v
  home="$(cd "$(dirname "$bin")/.." 2>/dev/null && pwd)" || true
  if [[ -f "$home/release" ]]; then v="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")"; fi
  if [[ -z "${v:-}" ]]; then v="$("$bin" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)"; fi
  v="${v#1.}"; printf '%s' "${v%%[.+-]*}"
}

# Prints a java binary with feature version >= $1: JAVA_HOME's if new enough, then java on PATH,
# else the newest JDK under /usr/lib/jvm.
find_java() {
  local need="$1" cand best="" best_v=0 v
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (( $(java_major "$JAVA_HOME/bin/java") >= need )); then
    printf '%s' "$JAVA_HOME/bin/java"; return 0
  fi
  if [[ -z "${JAVA_HOME:-}" ]] && cand="$(command -v java)" && (( $(java_major "$(readlink -f "$cand")") >= need )); then
    printf '%s' "$cand"; return 0
  fi
  for cand in /usr/lib/jvm/*/bin/java; do
    [[ -x "$cand" ]] || continue
    v="$(java_major "$cand")"
    if [[ "$v" =~ ^[0-9]+$ ]] && (( v > best_v )); then best="$cand"; best_v="$v"; fi
  done
  (( best_v >= need )) || return 1
  printf '%s' "$best"
}

# Runs "$@" detached (own session, immune to hangups, stdin closed, output appended to $log) and
# writes its pid to $pidfile. The lock fd 9 is closed so the JVM does not hold the stack lock.
launch() {
  local pidfile="$1" log="$2"; shift 2
  rm -f "$pidfile"
  ( cd "$local_dir" && exec setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" \
      >>"$log" 2>&1 </dev/null 9>&- ) &
  local i
  for i in $(seq 1 50); do [[ -s "$pidfile" ]] && return 0; sleep 0.1; done
  die "could not start $1"
}

# Keeps the previous run's log as <log>.1 so that each start has a fresh log.
rotate_log() { if [[ -s "$1" ]]; then mv -f "$1" "$1.1"; fi; : >"$1"; }

tail_log() {
  local name="$1" log="$2"
  if [[ -s "$log" ]]; then
    printf 'stack: last 40 lines of %s:\n' "$(rel "$log")" >&2
    tail -n 40 "$log" | sed 's/^/  | /' >&2
  else
    printf 'stack: %s wrote no log (%s)\n' "$name" "$(rel "$log")" >&2
  fi
}

# One lock per port set: a second stack on other ports (e.g. a chaos test's private broker,
# killed and restarted while the shared stack serves other tests) never waits for this one.
lock() {
  mkdir -p "$run_dir"
  local file="$run_dir/.stack$ksfx$rsfx.lock"
  exec 9>"$file"
  flock -w 600 9 || die "another stack.sh holds $(rel "$file")"
}

# ---------------------------------------------------------------------------------------------
# fetch

mvn_fetch() { # <goal...> ; quiet and batch; its output is shown only when it fails
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) is required to fetch the stack (apt-get install maven)"
  local out rc=0
  out="$(mvn -q -B -Dstyle.color=never -f "$here/pom.xml" "$@" 2>&1)" || rc=$?
  if (( rc != 0 )); then printf '%s\n' "$out" | tail -n 40 >&2; fi
  return "$rc"
}

cmd_fetch() {
  local stamp t0 tmp
  # The jars are shared by every port set, whose locks are separate: fetching has a lock of its own.
  mkdir -p "$run_dir"
  exec 8>"$run_dir/.fetch.lock"
  flock -w 900 8 || die "another stack.sh is fetching (holds $(rel "$run_dir")/.fetch.lock)"
  stamp="$(sha256sum "$here/pom.xml" | cut -c1-16)"
  mkdir -p "$local_dir/kafka"
  if [[ -f "$kafka_libs/.fetched" && "$(<"$kafka_libs/.fetched")" == "$stamp" ]]; then
    say "kafka jars present ($(rel "$kafka_libs"))"
  else
    say "fetching Kafka jars from Maven Central into $(rel "$kafka_libs") ..."
    t0="$(now_ms)"; tmp="$kafka_libs.tmp.$$"; rm -rf "$tmp"
    mvn_fetch dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" \
      || { rm -rf "$tmp"; die "fetching the Kafka jars failed"; }
    echo "$stamp" >"$tmp/.fetched"
    rm -rf "$kafka_libs"; mv "$tmp" "$kafka_libs"
    say "kafka jars fetched in $(secs_since "$t0") ($(ls "$kafka_libs"/*.jar | wc -l) jars, $(du -sh "$kafka_libs" | cut -f1))"
  fi
  if [[ -f "$apicurio_home/.fetched" && "$(<"$apicurio_home/.fetched")" == "$stamp" && -f "$apicurio_home/quarkus-run.jar" ]]; then
    say "apicurio present ($(rel "$apicurio_home"))"
  else
    say "fetching Apicurio Registry from Maven Central into $(rel "$apicurio_home") ..."
    t0="$(now_ms)"; tmp="$apicurio_home.tmp.$$"; rm -rf "$tmp"
    # The unpack markers go into the temporary dir: they are what makes the plugin skip an unpack.
    mvn_fetch dependency:unpack@apicurio -DoutputDirectory="$tmp" -Dmarkers.dir="$tmp/.markers" \
      || { rm -rf "$tmp"; die "fetching Apicurio failed"; }
    [[ -f "$tmp/quarkus-run.jar" ]] || { rm -rf "$tmp"; die "unexpected Apicurio layout (no quarkus-run.jar)"; }
    rm -rf "$tmp/.markers"; echo "$stamp" >"$tmp/.fetched"
    rm -rf "$apicurio_home"; mv "$tmp" "$apicurio_home"
    say "apicurio fetched in $(secs_since "$t0") ($(du -sh "$apicurio_home" | cut -f1))"
  fi
  exec 8>&-
}

# ---------------------------------------------------------------------------------------------
# start

write_kafka_props() {
  cat >"$kafka_props" <<EOF
# Generated by infra/local/stack.sh on each start; edit the script, not this file.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$kafka_data
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.num.partitions=6
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
  # Extra broker settings, one key=value per word (e.g. a chaos test's faster re-registration).
  local prop
  for prop in ${KAFKA_EXTRA_PROPS:-}; do
    [[ "$prop" == *=* ]] || die "KAFKA_EXTRA_PROPS: expected key=value words, got '$prop'"
    printf '%s\n' "$prop" >>"$kafka_props"
  done
}

# Checks that fail a start before anything is launched (only when we will launch the broker).
kafka_precheck() {
  if kafka_ours || port_open "$KAFKA_PORT"; then return 0; fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "controller port 127.0.0.1:$KAFKA_CONTROLLER_PORT is taken by another process (set KAFKA_CONTROLLER_PORT)"
  fi
  local stamp="$kafka_data/.tributary-controller-port"
  if [[ -f "$kafka_data/meta.properties" && -f "$stamp" && "$(<"$stamp")" != "$KAFKA_CONTROLLER_PORT" ]]; then
    die "$(rel "$kafka_data") was formatted with controller port $(<"$stamp"), not $KAFKA_CONTROLLER_PORT: run 'infra/local/stack.sh reset' first"
  fi
}

# Sets kafka_state to started | running (ours) | reused; kafka_t0 to the launch time.
start_kafka() {
  kafka_t0="$(now_ms)"
  if kafka_ours; then
    kafka_state=running; say "kafka already running (started by us, pid $(<"$kafka_pid")) on 127.0.0.1:$KAFKA_PORT"; return
  fi
  rm -f "$kafka_pid"
  if port_open "$KAFKA_PORT"; then
    kafka_state=reused; say "kafka: something already answers on 127.0.0.1:$KAFKA_PORT; reusing it (not started by us)"; return
  fi
  local java; java="$(find_java 17)" || die "Kafka needs Java >= 17 (set JAVA_HOME)"
  mkdir -p "$log_dir" "$run_dir"
  write_kafka_props
  rotate_log "$kafka_log"
  local cp="$kafka_libs/*" log4j="-Dlog4j2.configurationFile=$here/kafka-log4j2.properties"
  if [[ ! -f "$kafka_data/meta.properties" ]]; then
    local cid
    rm -rf "$kafka_data"; mkdir -p "$kafka_data"
    cid="$("$java" "$log4j" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$kafka_log" | tail -1)"
    say "formatting new KRaft storage in $(rel "$kafka_data") (cluster id $cid)"
    "$java" "$log4j" -cp "$cp" kafka.tools.StorageTool format -t "$cid" -c "$kafka_props" --standalone \
      >>"$kafka_log" 2>&1 || { tail_log kafka "$kafka_log"; die "formatting the Kafka storage failed"; }
    echo "$KAFKA_CONTROLLER_PORT" >"$kafka_data/.tributary-controller-port"
  fi
  kafka_t0="$(now_ms)"
  # shellcheck disable=SC2086 # heap options are word-split on purpose
  launch "$kafka_pid" "$kafka_log" "$java" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    "$log4j" -cp "$cp" kafka.Kafka "$kafka_props"
  kafka_state=started
  say "kafka starting (pid $(<"$kafka_pid")) on 127.0.0.1:$KAFKA_PORT, controller 127.0.0.1:$KAFKA_CONTROLLER_PORT; log $(rel "$kafka_log")"
}

start_registry() {
  registry_t0="$(now_ms)"
  if registry_ours; then
    registry_state=running; say "registry already running (started by us, pid $(<"$registry_pid")) on 127.0.0.1:$REGISTRY_PORT"; return
  fi
  rm -f "$registry_pid"
  if port_open "$REGISTRY_PORT"; then
    registry_state=reused; say "registry: something already answers on 127.0.0.1:$REGISTRY_PORT; reusing it (not started by us)"; return
  fi
  if port_open "$REGISTRY_MANAGEMENT_PORT"; then
    die "registry management port 127.0.0.1:$REGISTRY_MANAGEMENT_PORT is taken (set REGISTRY_MANAGEMENT_PORT)"
  fi
  local java; java="$(find_java 21)" || die "Apicurio Registry 3 needs Java >= 21: none in JAVA_HOME or /usr/lib/jvm"
  mkdir -p "$log_dir" "$run_dir"
  rotate_log "$registry_log"
  # shellcheck disable=SC2086
  launch "$registry_pid" "$registry_log" "$java" $REGISTRY_HEAP_OPTS \
    -Dquarkus.http.port="$REGISTRY_PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.management.port="$REGISTRY_MANAGEMENT_PORT" -Dquarkus.management.host=127.0.0.1 \
    -Dapicurio.storage.kind=sql -Dapicurio.storage.sql.kind=h2 \
    '-Dquarkus.log.console.format=%d{yyyy-MM-dd HH:mm:ss,SSS} %p [%c{3.}] (%t) %m%n' \
    -jar "$apicurio_home/quarkus-run.jar"
  registry_state=started
  say "registry starting (pid $(<"$registry_pid"), $("$java" -version 2>&1 | head -1 | cut -d'"' -f2)) on 127.0.0.1:$REGISTRY_PORT; log $(rel "$registry_log")"
}

stop_one() { # <name> <pidfile> <marker>
  local name="$1" file="$2" marker="$3" pid i
  [[ -e "$file" ]] || return 0
  pid="$(<"$file")"
  if ! pid_ours "$file" "$marker"; then
    say "$name: removing stale pid file $(rel "$file") (pid ${pid:-?} is not running or not ours)"
    rm -f "$file"; return 0
  fi
  say "stopping $name (pid $pid) ..."
  local t0; t0="$(now_ms)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name did not stop within 20s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$file"
  say "$name stopped in $(secs_since "$t0")"
}

node_bin() {
  local dir
  dir="$("$root/tools/ensure-node.sh")" || die "no Node.js >= 22 (tools/ensure-node.sh failed)"
  if [[ -n "$dir" ]]; then printf '%s' "$dir/node"; else command -v node; fi
}

# The components a command applies to: its optional argument (kafka | registry), else both.
want_kafka=1; want_registry=1
pick_component() {
  case "${1:-}" in
    "") ;;
    kafka) want_registry=0 ;;
    registry) want_kafka=0 ;;
    *) printf 'stack: unknown component: %s (expected kafka or registry)\n' "$1" >&2; exit 64 ;;
  esac
}

cmd_start() {
  lock
  cmd_fetch
  (( want_kafka )) && kafka_precheck
  # The registry starts first: it is the slower one and does not depend on the broker.
  (( want_registry )) && start_registry
  (( want_kafka )) && start_kafka
  local args=(--timeout "$STACK_TIMEOUT") components=()
  if (( want_kafka )); then
    components+=(kafka); args+=(--kafka-since "$kafka_t0")
    [[ "$kafka_state" == reused ]] || args+=(--kafka-pid "$(<"$kafka_pid")")
  fi
  if (( want_registry )); then
    components+=(registry); args+=(--registry-since "$registry_t0")
    [[ "$registry_state" == reused ]] || args+=(--registry-pid "$(<"$registry_pid")")
  fi
  local node rc=0
  node="$(node_bin)"
  KAFKA_PORT="$KAFKA_PORT" REGISTRY_PORT="$REGISTRY_PORT" \
    "$node" "$here/wait-ready.mjs" "${components[@]}" "${args[@]}" 9>&- || rc=$?
  (( rc == 0 )) && return 0
  # wait-ready's exit code: bit 1 = kafka not ready, bit 2 = registry not ready, 64+ = its own error.
  if (( rc >= 64 )); then die "wait-ready.mjs failed (exit $rc)"; fi
  if (( rc & 1 )); then
    if [[ "$kafka_state" == reused ]]; then echo "stack: kafka on 127.0.0.1:$KAFKA_PORT is not ours; no log to show" >&2
    else tail_log kafka "$kafka_log"; [[ "$kafka_state" == started ]] && stop_one kafka "$kafka_pid" "$(kafka_marker)"; fi
  fi
  if (( rc & 2 )); then
    if [[ "$registry_state" == reused ]]; then echo "stack: registry on 127.0.0.1:$REGISTRY_PORT is not ours; no log to show" >&2
    else tail_log registry "$registry_log"; [[ "$registry_state" == started ]] && stop_one registry "$registry_pid" "$(registry_marker)"; fi
  fi
  die "the local stack is not ready"
}

cmd_stop() {
  lock
  if [[ "${1:-}" == --all ]]; then
    local f
    for f in "$run_dir"/*.pid; do
      [[ -e "$f" ]] || continue
      case "$(basename "$f")" in
        kafka*) stop_one "$(basename "$f" .pid)" "$f" "kafka.Kafka" ;;
        registry*) stop_one "$(basename "$f" .pid)" "$f" "quarkus-run.jar" ;;
      esac
    done
  else
    pick_component "${1:-}"
    (( want_registry )) && stop_one registry "$registry_pid" "$(registry_marker)"
    (( want_kafka )) && stop_one kafka "$kafka_pid" "$(kafka_marker)"
  fi
  return 0
}

# SIGKILL, as a crash would: no clean shutdown, no wait beyond the process being gone. Only a
# process this script started (pid file + command line check); the pid file is left for the next
# start or stop to clean up.
kill_one() { # <name> <pidfile> <marker>
  local name="$1" file="$2" marker="$3" pid i
  if ! pid_ours "$file" "$marker"; then say "$name: nothing of ours to kill on this port set"; return 1; fi
  pid="$(<"$file")"
  kill -KILL "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  say "$name (pid $pid) killed with SIGKILL"
}

cmd_kill() {
  lock
  local rc=0
  (( want_registry )) && { kill_one registry "$registry_pid" "$(registry_marker)" || rc=1; }
  (( want_kafka )) && { kill_one kafka "$kafka_pid" "$(kafka_marker)" || rc=1; }
  return "$rc"
}

cmd_status() {
  local ok=0 how
  if (( want_kafka )); then
    if port_open "$KAFKA_PORT"; then
      if kafka_ours; then how="started by us, pid $(<"$kafka_pid"), rss $(rss_of "$(<"$kafka_pid")")"; else how="not started by us"; fi
      printf '%-9s up    127.0.0.1:%s  (%s)\n' kafka "$KAFKA_PORT" "$how"
    elif kafka_ours; then
      printf '%-9s starting  127.0.0.1:%s  (started by us, pid %s, port not open yet)\n' kafka "$KAFKA_PORT" "$(<"$kafka_pid")"; ok=3
    else
      printf '%-9s down  127.0.0.1:%s\n' kafka "$KAFKA_PORT"; ok=3
    fi
  fi
  (( want_registry )) || return "$ok"
  local code
  code="$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$REGISTRY_PORT/apis/ccompat/v7/subjects" || true)"
  if [[ "$code" == 200 ]]; then
    if registry_ours; then how="started by us, pid $(<"$registry_pid"), rss $(rss_of "$(<"$registry_pid")")"; else how="not started by us"; fi
    printf '%-9s up    127.0.0.1:%s  (%s)\n' registry "$REGISTRY_PORT" "$how"
  elif registry_ours; then
    printf '%-9s starting  127.0.0.1:%s  (started by us, pid %s, HTTP %s)\n' registry "$REGISTRY_PORT" "$(<"$registry_pid")" "${code:-000}"; ok=3
  else
    printf '%-9s down  127.0.0.1:%s%s\n' registry "$REGISTRY_PORT" "$([[ "$code" == 000 ]] || echo " (HTTP $code)")"; ok=3
  fi
  return "$ok"
}

cmd_started_by_us() { kafka_ours || registry_ours; }

cmd_reset() {
  cmd_stop "${1:-}"
  (( want_kafka )) || return 0   # the registry keeps nothing on disk
  if port_open "$KAFKA_PORT"; then
    say "note: a broker not started by us still answers on 127.0.0.1:$KAFKA_PORT; it is left alone"
  fi
  say "deleting $(rel "$kafka_data")"
  rm -rf "$kafka_data"
}

case "${1:-}" in
  fetch) lock; cmd_fetch ;;
  start) pick_component "${2:-}"; cmd_start ;;
  stop) shift; cmd_stop "$@" ;;
  status) pick_component "${2:-}"; cmd_status ;;
  started-by-us) cmd_started_by_us ;;
  reset) pick_component "${2:-}"; cmd_reset "${2:-}" ;;
  kill) pick_component "${2:-}"; cmd_kill ;;
  -h | --help | help) usage ;;
  "") usage >&2; exit 64 ;;
  *) printf 'stack: unknown command: %s\n\n' "$1" >&2; usage >&2; exit 64 ;;
esac
