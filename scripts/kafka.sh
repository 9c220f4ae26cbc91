#!/usr/bin/env bash
# Single-node Apache Kafka 3.9.1 broker (KRaft, broker+controller) for development and tests.
#
# The broker is assembled from Maven Central jars (scripts/kafka/pom.xml), cached outside the
# repo, and runs from a run dir that is wiped on every start (tests want a fresh broker).
#
# Usage: bash scripts/kafka.sh <fetch|start|stop|status|ready> [args]
#   fetch    download the broker jars into the cache (no-op when already complete)
#   start    (re)start a fresh broker and wait until it answers describeCluster
#   stop     stop the broker started by `start` (idempotent)
#   status   is it running, is it ready (exit 0 ready, 1 running but not ready, 3 not running)
#   ready    run the readiness check only (extra args go to scripts/kafka-ready.cjs)
#
# Environment:
#   KAFKA_CACHE_DIR            jar cache   (default ~/.cache/advisor-dashboard/kafka-3.9.1)
#   KAFKA_RUN_DIR              run dir     (default <repo>/.data/kafka)
#   KAFKA_PORT                 client port (default 19092)
#   KAFKA_CONTROLLER_PORT      KRaft controller port (default 19093)
#   KAFKA_READY_TIMEOUT_MS     how long `start` waits for readiness (default 60000)
#   KAFKA_HEAP_OPTS            JVM heap options (default -Xms256m -Xmx512m)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

KAFKA_VERSION="3.9.1"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
POM="$SCRIPT_DIR/kafka/pom.xml"
LOG4J_CONFIG="$SCRIPT_DIR/kafka/log4j.properties"
READY_CHECK="$SCRIPT_DIR/kafka-ready.cjs"

CACHE_DIR="${KAFKA_CACHE_DIR:-$HOME/.cache/advisor-dashboard/kafka-$KAFKA_VERSION}"
LIBS_DIR="$CACHE_DIR/libs"
RUN_DIR="${KAFKA_RUN_DIR:-$REPO_ROOT/.data/kafka}"
PORT="${KAFKA_PORT:-19092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
READY_TIMEOUT_MS="${KAFKA_READY_TIMEOUT_MS:-60000}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
BROKERS="127.0.0.1:$PORT"

PID_FILE="$RUN_DIR/kafka.pid"
BROKER_OUT="$RUN_DIR/broker.out"
BROKER_LOG="$RUN_DIR/broker.log"
FORMAT_LOG="$RUN_DIR/format.log"
SERVER_PROPERTIES="$RUN_DIR/server.properties"
DATA_DIR="$RUN_DIR/data"

log() { echo "[kafka] $*"; }
err() { echo "[kafka] $*" >&2; }
die() { err "error: $*"; exit 1; }

require_cmd() {
  local cmd="$1" hint="$2"
  command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found on PATH: $hint"
}

require_java() { require_cmd java "install a Java 17+ runtime (e.g. apt-get install openjdk-17-jre-headless)"; }
require_mvn() { require_cmd mvn "install Maven 3.8+ (needed once, to fetch the Kafka jars into $LIBS_DIR)"; }
require_node() { require_cmd node "install Node.js 20+ (used for the readiness check)"; }

libs_complete() { [[ -f "$LIBS_DIR/.complete" ]]; }

# ---------------------------------------------------------------------------------------------
# fetch

cmd_fetch() {
  if libs_complete; then
    log "jars already cached in $LIBS_DIR"
    return 0
  fi
  require_java
  require_mvn
  mkdir -p "$CACHE_DIR"
  local tmp
  tmp="$(mktemp -d "$CACHE_DIR/libs.tmp.XXXXXX")"
  local mvn_log="$tmp.mvn.log"
  # An interrupted or failed fetch leaves nothing that looks complete (and no temp files).
  # shellcheck disable=SC2064 # expand the paths now
  trap "rm -rf $(printf '%q %q' "$tmp" "$mvn_log")" EXIT
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIBS_DIR ..."
  # Output goes to a file (shown on failure only): Debian's Maven 3.8 prints stray ANSI resets even with -B.
  if ! mvn -q -B -Dstyle.color=never -f "$POM" "$DEPENDENCY_PLUGIN:copy-dependencies" \
      -DoutputDirectory="$tmp" -DincludeScope=runtime >"$mvn_log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g; s/^/[kafka]   /' "$mvn_log" >&2
    die "maven could not fetch the Kafka jars (output above)"
  fi
  local jar
  for jar in "kafka_2.13-$KAFKA_VERSION.jar" "kafka-clients-$KAFKA_VERSION.jar" \
             "kafka-server-$KAFKA_VERSION.jar" "slf4j-reload4j-1.7.36.jar"; do
    [[ -f "$tmp/$jar" ]] || die "fetched jar set is incomplete: $jar is missing"
  done
  local count
  count="$(find "$tmp" -maxdepth 1 -name '*.jar' | wc -l | tr -d ' ')"
  printf 'kafka %s\njars %s\nfetched %s\n' "$KAFKA_VERSION" "$count" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$tmp/.complete"
  # Replace an incomplete leftover, then move the new set into place in one rename.
  if [[ -e "$LIBS_DIR" ]] && ! libs_complete; then
    rm -rf "$LIBS_DIR"
  fi
  if ! mv -T "$tmp" "$LIBS_DIR" 2>/dev/null; then
    libs_complete || die "could not move the fetched jars into $LIBS_DIR"
    # Another fetch finished first; ours is redundant (the EXIT trap removes it).
  fi
  trap - EXIT
  rm -rf "$tmp" "$mvn_log"
  log "cached $count jars in $LIBS_DIR"
}

# ---------------------------------------------------------------------------------------------
# process helpers

# Prints the pid from the pid file if that process is alive and is our Kafka broker.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -d '[:space:]' <"$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against pid reuse: only ever touch a process that runs kafka.Kafka.
  local args
  args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
  [[ "$args" == *kafka.Kafka* ]] || return 1
  echo "$pid"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

show_tail() {
  local file="$1" lines="${2:-40}"
  if [[ -s "$file" ]]; then
    err "---- last $lines lines of $file ----"
    tail -n "$lines" "$file" | sed 's/^/[kafka]   /' >&2
  fi
}

show_logs() {
  show_tail "$BROKER_OUT"
  show_tail "$BROKER_LOG"
}

# ---------------------------------------------------------------------------------------------
# stop

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    if [[ -f "$PID_FILE" ]]; then
      rm -f "$PID_FILE"
      log "not running (removed stale pid file)"
    else
      log "not running"
    fi
    return 0
  fi
  log "stopping broker (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 200; i++)); do # up to 20 s
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    err "broker did not exit within 20 s, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && die "could not kill broker pid $pid"
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

# ---------------------------------------------------------------------------------------------
# start

write_server_properties() {
  cat >"$SERVER_PROPERTIES" <<EOF
# Generated by scripts/kafka.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); rewritten on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=24
EOF
}

# A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'
# (what `kafka.tools.StorageTool random-uuid` prints), made without starting a JVM.
random_cluster_id() {
  node -e '
    const { randomBytes } = require("crypto");
    let id;
    do { id = randomBytes(16).toString("base64url"); } while (id.startsWith("-"));
    process.stdout.write(id);
  '
}

cmd_start() {
  require_java
  require_node
  libs_complete || cmd_fetch

  local old
  if old="$(running_pid)"; then
    log "a broker from a previous start is running (pid $old); stopping it first"
    cmd_stop
  fi
  rm -f "$PID_FILE"

  for p in "$PORT" "$CONTROLLER_PORT"; do
    if port_in_use "$p"; then
      die "port 127.0.0.1:$p is already in use by another process (set KAFKA_PORT / KAFKA_CONTROLLER_PORT to use other ports)"
    fi
  done

  # Fresh broker on every start: drop the previous data and logs (only the files we own).
  mkdir -p "$RUN_DIR"
  rm -rf "$DATA_DIR" "$SERVER_PROPERTIES" "$BROKER_OUT" "$BROKER_LOG" "$FORMAT_LOG"
  mkdir -p "$DATA_DIR"
  write_server_properties

  local cluster_id
  cluster_id="$(random_cluster_id)"
  local java_log_opts=("-Dlog4j.configuration=file:$LOG4J_CONFIG" "-Dkafka.logs.dir=$RUN_DIR")

  if ! java "${java_log_opts[@]}" -cp "$LIBS_DIR/*" kafka.tools.StorageTool \
      format -t "$cluster_id" -c "$SERVER_PROPERTIES" >"$FORMAT_LOG" 2>&1; then
    show_tail "$FORMAT_LOG"
    die "formatting the storage in $DATA_DIR failed"
  fi

  local heap_opts
  read -r -a heap_opts <<<"$HEAP_OPTS"
  log "starting Kafka $KAFKA_VERSION on $BROKERS (controller 127.0.0.1:$CONTROLLER_PORT, cluster $cluster_id, run dir $RUN_DIR)"
  # setsid: own session, so the broker survives the calling shell/terminal; nohup: ignore SIGHUP.
  # (setsid execs in place when not a process-group leader, so $! is the JVM's pid.)
  nohup setsid java "${heap_opts[@]}" -Djava.awt.headless=true "${java_log_opts[@]}" \
    -cp "$LIBS_DIR/*" kafka.Kafka "$SERVER_PROPERTIES" \
    >"$BROKER_OUT" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"

  local started=$SECONDS rc=0
  node "$READY_CHECK" --timeout-ms "$READY_TIMEOUT_MS" --pid "$pid" "$BROKERS" || rc=$?
  if ((rc == 0)); then
    log "broker ready after $((SECONDS - started)) s (pid $pid; logs in $RUN_DIR)"
    return 0
  fi
  if ((rc == 2)) || ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$PID_FILE"
    show_logs
    die "the broker process exited during startup"
  fi
  show_logs
  err "broker is not ready after ${READY_TIMEOUT_MS} ms; stopping it (logs kept in $RUN_DIR)"
  cmd_stop >&2 || true
  exit 1
}

# ---------------------------------------------------------------------------------------------
# status / ready

cmd_status() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running"
    return 3
  fi
  require_node
  if node "$READY_CHECK" --timeout-ms 5000 "$BROKERS" >/dev/null 2>&1; then
    log "running (pid $pid) and ready on $BROKERS"
    return 0
  fi
  log "running (pid $pid) but NOT ready on $BROKERS"
  return 1
}

cmd_ready() {
  require_node
  if (($# == 0)); then
    set -- --timeout-ms "$READY_TIMEOUT_MS" "$BROKERS"
  fi
  node "$READY_CHECK" "$@"
}

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"
  (($# > 0)) && shift
  case "$cmd" in
    fetch) cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    ready) cmd_ready "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
