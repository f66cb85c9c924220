#!/usr/bin/env bash
# HTTP with 1 hub against 2 hubs: the HttpServer sample (samples/.../net/HttpServer.java, SO_REUSEPORT
# listener per hub) under wrk, same run, same load: wrk with THREADS threads and CONNECTIONS
# connections for SECONDS, after a 2 s warm-up. Client and server share the machine's cores, so
# the CPU each side used during the measured run (user + system seconds, from /proc and from
# wrk's rusage) is reported beside the rate. Installs wrk if it is missing.
#
# Usage (from the repository root, after `mvn -B -q -pl runtime,samples -am package -DskipTests`):
#   benchmarks/scripts/http-hubs.sh [connections] [seconds] [threads]   (defaults: 50 10 1)
# Environment: JAVA (default java on PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${1:-50}
SECONDS_=${2:-10}
THREADS=${3:-1}
JAVA=${JAVA:-java}
version=0.1.0-SNAPSHOT
jars="annotations/target/gevent4j-annotations-$version.jar:runtime/target/gevent4j-runtime-$version.jar:samples/target/gevent4j-samples-$version.jar"
[ -f samples/target/gevent4j-samples-$version.jar ] || { echo "build first: mvn -B -q -pl runtime,samples -am package -DskipTests"; exit 1; }
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
cpu_seconds() { # cpu_seconds PID: user + system seconds of a process so far
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}
wrk_timed() { # wrk_timed ARGS...: runs wrk, prints its output, then "wrk-cpu SECONDS"
  python3 - "$@" <<'PY'
import resource, subprocess, sys
out = subprocess.run(["wrk"] + sys.argv[1:], capture_output=True, text=True, check=True).stdout
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(out, end="")
print("wrk-cpu %.2f" % (usage.ru_utime + usage.ru_stime))
PY
}

echo "== $("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_}s"
for hubs in 1 2; do
  port=$(free_port)
  "$JAVA" -cp "$jars" io.gevent4j.samples.net.HttpServer "$port" "$hubs" >"/tmp/gevent4j-http-hubs-$hubs.log" 2>&1 &
  server=$!
  pids+=("$server")
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "http://127.0.0.1:$port/" >/dev/null
  before=$(cpu_seconds "$server")
  result="$(wrk_timed -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_}s" "http://127.0.0.1:$port/")"
  after=$(cpu_seconds "$server")
  rate=$(echo "$result" | awk '/Requests\/sec/ { print $2 }')
  latency=$(echo "$result" | awk '/Latency/ { print $2 " avg, " $3 " stdev" }')
  wrk_cpu=$(echo "$result" | awk '/wrk-cpu/ { print $2 }')
  server_cpu=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", a - b }')
  kill "$server"; wait "$server" 2>/dev/null || true
  served=$(grep -o 'served per hub: .*' "/tmp/gevent4j-http-hubs-$hubs.log" || true)
  printf '%s hub(s): %s requests/s, latency %s; CPU over %ss: server %ss, wrk %ss; %s\n' \
    "$hubs" "$rate" "$latency" "$SECONDS_" "$server_cpu" "$wrk_cpu" "$served"
done
