#!/usr/bin/env bash
# Issue 12's Redis proxy case, on loopback: redis-benchmark SETs of 16 KB values (and GETs of
# them) straight to redis-server, through the gevent4j TcpProxy sample (TCP_NODELAY on, its
# default, and off), and through a thread-per-connection proxy (benchmarks' ThreadProxy, on),
# one after the other in the same run. Installs redis-server and redis-tools with apt-get if
# missing. Prints redis-benchmark's "-q" lines (requests per second, p50).
#
# Usage (from the repository root, after `mvn -B -q -o -pl runtime,samples,benchmarks -am package -DskipTests`):
#   benchmarks/scripts/redis-proxy.sh [requests] [clients]      (defaults: 20000 requests, 50 clients)
# Environment: JAVA (default java on PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-20000}
CLIENTS=${2:-50}
JAVA=${JAVA:-java}

need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v redis-benchmark >/dev/null || need+=(redis-tools)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

version=0.1.0-SNAPSHOT
samples="annotations/target/gevent4j-annotations-$version.jar:runtime/target/gevent4j-runtime-$version.jar:samples/target/gevent4j-samples-$version.jar"
benchmarks=benchmarks/target/benchmarks.jar
[ -f samples/target/gevent4j-samples-$version.jar ] && [ -f "$benchmarks" ] || { echo "build first: mvn -B -q -o -pl runtime,samples,benchmarks -am package -DskipTests"; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_port() { for _ in $(seq 100); do redis-cli -p "$1" ping >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "nothing answers on $1"; exit 1; }

redis_port=$(free_port); g_port=$(free_port); gd_port=$(free_port); t_port=$(free_port)
timeout 600 redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >/dev/null &
pids+=($!)
wait_port "$redis_port"
timeout 600 "$JAVA" -cp "$samples" io.gevent4j.samples.net.TcpProxy "$g_port" 127.0.0.1 "$redis_port" >/dev/null &
pids+=($!)
timeout 600 "$JAVA" -cp "$samples" io.gevent4j.samples.net.TcpProxy "$gd_port" 127.0.0.1 "$redis_port" delay >/dev/null &
pids+=($!)
timeout 600 "$JAVA" -cp "$benchmarks" io.gevent4j.benchmarks.net.ThreadProxy "$t_port" 127.0.0.1 "$redis_port" >/dev/null &
pids+=($!)
for port in "$g_port" "$gd_port" "$t_port"; do wait_port "$port"; done

echo "== $("$JAVA" -version 2>&1 | head -n 1); redis $(redis-server --version | cut -d' ' -f3); $REQUESTS requests, $CLIENTS clients, 16384-byte values"
run() { # run LABEL PORT [REQUESTS]
  printf '%-32s ' "$1"
  timeout 300 redis-benchmark -p "$2" -q -n "${3:-$REQUESTS}" -c "$CLIENTS" -d 16384 -t set,get | tr '\r' '\n' | grep "requests per second" | tr '\n' ' '
  echo
}
run "warm-up (gevent4j proxy)" "$g_port" 5000 >/dev/null
run "warm-up (thread proxy)" "$t_port" 5000 >/dev/null
run "direct" "$redis_port"
run "gevent4j proxy, TCP_NODELAY on" "$g_port"
run "thread proxy, TCP_NODELAY on" "$t_port"
run "gevent4j proxy, TCP_NODELAY off" "$gd_port" 2000
