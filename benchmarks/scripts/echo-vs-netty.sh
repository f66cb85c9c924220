#!/usr/bin/env bash
# Echo over loopback, plain and TLS (JDK SSLEngine on both sides), gevent4j (one hub,
# benchmarks' GeventEcho) against Netty (one NIO event loop, NettyEcho; SslHandler for TLS), in
# the same run. The load is the same for every server: benchmarks' EchoLoad, CONNECTIONS
# greenlets on one hub in its own JVM, each sending a SIZE-byte message and reading the echo
# back, for SECONDS after a one-second warm-up (plus one unmeasured warm-up run per server).
# Client and server share the machine's cores.
#
# Usage (from the repository root, after `mvn -B -q -pl runtime,samples,benchmarks -am package -DskipTests`):
#   benchmarks/scripts/echo-vs-netty.sh [connections] [seconds] [size]   (defaults: 100 5 1024)
# Environment: JAVA (default java on PATH).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${1:-100}
SECONDS_=${2:-5}
SIZE=${3:-1024}
JAVA=${JAVA:-java}
jar=benchmarks/target/benchmarks.jar
keystore=samples/src/main/resources/io/gevent4j/samples/net/demo-keystore.p12
[ -f "$jar" ] || { echo "build first: mvn -B -q -pl runtime,samples,benchmarks -am package -DskipTests"; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
serve() { # serve CLASS PORT [keystore]: starts a server, waits until it listens
  timeout 600 "$JAVA" -cp "$jar" "io.gevent4j.benchmarks.net.$1" "${@:2}" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0; sleep 0.1; done
  echo "$1 did not start"; exit 1
}
load() { "$JAVA" -cp "$jar" io.gevent4j.benchmarks.net.EchoLoad "$1" "$CONNECTIONS" "$2" "$SIZE" "${@:3}"; }

echo "== $("$JAVA" -version 2>&1 | head -n 1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in plain tls; do
  extra=(); [ "$mode" = tls ] && extra=("$keystore")
  g=$(free_port); n=$(free_port)
  serve GeventEcho "$g" "${extra[@]}"
  serve NettyEcho "$n" "${extra[@]}"
  load "$g" 2 "${extra[@]}" >/dev/null
  load "$n" 2 "${extra[@]}" >/dev/null
  printf 'gevent4j %-6s ' "$mode"; load "$g" "$SECONDS_" "${extra[@]}"
  printf 'netty    %-6s ' "$mode"; load "$n" "$SECONDS_" "${extra[@]}"
done
