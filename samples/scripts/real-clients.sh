#!/usr/bin/env bash
# Drives the network samples with real clients from Debian's packages, on loopback only, bounded
# in count and time: nc against the echo server, curl and wrk against the HTTP server, redis-cli
# and redis-benchmark against the Redis-protocol server, and the concurrent downloader against the
# HTTP server, redis-cli and redis-benchmark through the TCP proxy; then TLS: openssl s_client against the TLS echo server, curl against the HTTPS
# server, our TLS client against openssl s_server, all checking the demo certificate; and nc -u
# against the UDP echo server. The echo, HTTP and Redis servers run on 2 hubs each, and at the end
# every hub must have served connections. Installs the clients if they are missing. Exits non-zero
# on the first wrong answer.
# Usage: samples/scripts/real-clients.sh   (after `mvn package`, or it builds first)
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v nc >/dev/null || need+=(netcat-openbsd)
command -v curl >/dev/null || need+=(curl)
command -v wrk >/dev/null || need+=(wrk)
command -v redis-cli >/dev/null || need+=(redis-tools)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

version=0.1.0-SNAPSHOT
jars="annotations/target/gevent4j-annotations-$version.jar:runtime/target/gevent4j-runtime-$version.jar:samples/target/gevent4j-samples-$version.jar"
[ -f samples/target/gevent4j-samples-$version.jar ] || mvn -B -q -DskipTests package

pids=()
declare -A server_pid
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
start() { # start CLASS PORT [ARG...]: runs a sample server for at most 5 minutes, waits until it listens
  timeout 300 java -cp "$jars" "io.gevent4j.samples.net.$1" "${@:2}" >"/tmp/gevent4j-$1.log" 2>&1 &
  pids+=($!)
  server_pid[$1]=$!
  for _ in $(seq 100); do nc -z 127.0.0.1 "$2" 2>/dev/null && return 0; sleep 0.1; done
  echo "$1 did not start"; cat "/tmp/gevent4j-$1.log"; exit 1
}
expect() { # expect WHAT ACTUAL EXPECTED
  if [ "$2" != "$3" ]; then echo "FAIL $1: got [$2], expected [$3]"; exit 1; fi
  echo "ok   $1"
}

echo_port=$(free_port); http_port=$(free_port); redis_port=$(free_port)
start EchoServer "$echo_port" 2
start HttpServer "$http_port" 2
start RedisServer "$redis_port" 2

expect "nc echo" "$(printf 'hello\nworld\n' | timeout 10 nc -N 127.0.0.1 "$echo_port")" $'hello\nworld'
for i in $(seq 20); do
  expect "nc echo, connection $i of 20" "$(printf 'again\n' | timeout 10 nc -N 127.0.0.1 "$echo_port")" "again"
done
expect "nc oversized line" "$(head -c 9000 /dev/zero | tr '\0' x | timeout 10 nc -N 127.0.0.1 "$echo_port")" "ERR line longer than 8192 bytes"

expect "curl /" "$(timeout 10 curl -s "http://127.0.0.1:$http_port/")" "Hello, World!"
expect "curl keep-alive, 2 requests" "$(timeout 10 curl -s "http://127.0.0.1:$http_port/" "http://127.0.0.1:$http_port/bytes/3")" "Hello, World!xxx"
expect "curl 404" "$(timeout 10 curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/nope")" "404"
echo "== wrk, 50 connections, 5 s"
timeout 30 wrk -t1 -c50 -d5s "http://127.0.0.1:$http_port/" | tee /tmp/gevent4j-wrk.txt
grep -q "Requests/sec" /tmp/gevent4j-wrk.txt
if grep -q "Non-2xx" /tmp/gevent4j-wrk.txt; then echo "FAIL wrk saw non-2xx responses"; exit 1; fi

r() { timeout 10 redis-cli -p "$redis_port" "$@"; }
expect "redis-cli ping" "$(r ping)" "PONG"
expect "redis-cli set" "$(r set greeting hello)" "OK"
expect "redis-cli get" "$(r get greeting)" "hello"
expect "redis-cli incr" "$(r incr counter; r incr counter)" $'1\n2'
expect "redis-cli exists" "$(r exists greeting counter missing)" "2"
expect "redis-cli del" "$(r del greeting)" "1"
expect "redis-cli echo" "$(r echo 'héllo wörld')" "héllo wörld"
echo "== redis-benchmark, 50 clients, 20000 requests per test"
timeout 120 redis-benchmark -p "$redis_port" -q -n 20000 -c 50 -t ping,set,get,incr | tr '\r' '\n' | grep "requests per second" | tee /tmp/gevent4j-redis-benchmark.txt
[ "$(wc -l < /tmp/gevent4j-redis-benchmark.txt)" -ge 4 ]

echo "== the TCP proxy in front of the Redis sample: redis-cli, and 16 KB SETs with redis-benchmark"
proxy_port=$(free_port)
timeout 300 java -cp "$jars" io.gevent4j.samples.net.TcpProxy "$proxy_port" 127.0.0.1 "$redis_port" >/tmp/gevent4j-TcpProxy.log 2>&1 &
pids+=($!)
for _ in $(seq 100); do nc -z 127.0.0.1 "$proxy_port" 2>/dev/null && break; sleep 0.1; done
expect "redis-cli through the proxy" "$(timeout 10 redis-cli -p "$proxy_port" ping)" "PONG"
timeout 60 redis-benchmark -p "$proxy_port" -q -n 5000 -c 50 -d 16384 -t set | tr '\r' '\n' | grep "requests per second" | tee /tmp/gevent4j-proxy-benchmark.txt
[ "$(wc -l < /tmp/gevent4j-proxy-benchmark.txt)" -ge 1 ]

echo "== downloader, 20 pages at once"
out="$(timeout 60 java -cp "$jars" io.gevent4j.samples.net.Downloader "$http_port" 20)"
expect "downloader total" "$(echo "$out" | tail -n 1)" "total 210000 bytes"

echo "== out of file descriptors: an echo server limited to 128 descriptors, flooded with 200 connections"
fd_port=$(free_port)
(ulimit -n 128; exec timeout 60 java -cp "$jars" io.gevent4j.samples.net.EchoServer "$fd_port" >/tmp/gevent4j-emfile.log 2>&1) &
pids+=($!)
for _ in $(seq 100); do nc -z 127.0.0.1 "$fd_port" 2>/dev/null && break; sleep 0.1; done
flood=()
for _ in $(seq 200); do (sleep 3 | timeout 8 nc 127.0.0.1 "$fd_port" >/dev/null 2>&1) & flood+=($!); done
wait "${flood[@]}" 2>/dev/null || true
grep -q "Too many open files" /tmp/gevent4j-emfile.log || { echo "FAIL the flood did not exhaust descriptors"; exit 1; }
expect "serves again after running out of descriptors" "$(printf 'after\n' | timeout 10 nc -N 127.0.0.1 "$fd_port")" "after"

echo "== TLS: the demo certificate exported for openssl and curl"
tls_dir="$(mktemp -d)"
keystore=samples/src/main/resources/io/gevent4j/samples/net/demo-keystore.p12
openssl pkcs12 -in "$keystore" -passin pass:changeit -nokeys -out "$tls_dir/demo.pem" 2>/dev/null
openssl pkcs12 -in "$keystore" -passin pass:changeit -nocerts -nodes -out "$tls_dir/demo-key.pem" 2>/dev/null
tls_port=$(free_port); https_port=$(free_port); s_server_port=$(free_port)
start TlsEchoServer "$tls_port"
start HttpsServer "$https_port"
s_client() { # s_client PORT: checks the certificate for localhost, sends stdin, prints what comes back
  timeout 10 openssl s_client -connect "127.0.0.1:$1" -CAfile "$tls_dir/demo.pem" -verify_return_error \
    -verify_hostname localhost -servername localhost -quiet -no_ign_eof "${@:2}" 2>/dev/null
}
expect "openssl s_client echo" "$( (printf 'hello\nworld\n'; sleep 1) | s_client "$tls_port")" $'hello\nworld'
expect "garbage to the TLS server" "$(printf 'not tls\n' | timeout 10 nc -N 127.0.0.1 "$tls_port" | head -c 0)" ""
expect "openssl s_client, TLS 1.2" "$( (printf 'twelve\n'; sleep 1) | s_client "$tls_port" -tls1_2)" "twelve"
expect "curl https /" "$(timeout 10 curl -s --cacert "$tls_dir/demo.pem" "https://127.0.0.1:$https_port/")" "Hello, World!"
expect "curl https keep-alive, 2 requests" "$(timeout 10 curl -s --cacert "$tls_dir/demo.pem" "https://localhost:$https_port/" "https://localhost:$https_port/bytes/3")" "Hello, World!xxx"
expect "curl refuses an unknown certificate" "$(timeout 10 curl -s -o /dev/null -w '%{http_code}' "https://127.0.0.1:$https_port/" || true)" "000"
timeout 60 openssl s_server -accept "$s_server_port" -cert "$tls_dir/demo.pem" -key "$tls_dir/demo-key.pem" -www -quiet >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do nc -z 127.0.0.1 "$s_server_port" 2>/dev/null && break; sleep 0.1; done
expect "our TLS client against openssl s_server" "$(timeout 20 java -cp "$jars" io.gevent4j.samples.net.HttpsGet localhost "$s_server_port" | cut -d' ' -f1-3)" "HTTP/1.0 200 ok"

echo "== UDP"
udp_port=$(free_port)
timeout 300 java -cp "$jars" io.gevent4j.samples.net.UdpEchoServer "$udp_port" >/tmp/gevent4j-UdpEchoServer.log 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "udp echo server" /tmp/gevent4j-UdpEchoServer.log && break; sleep 0.1; done
expect "nc -u echo" "$(printf 'ping' | timeout 5 nc -u -w1 127.0.0.1 "$udp_port")" "ping"
head -c 9000 /dev/zero | timeout 5 nc -u -w1 127.0.0.1 "$udp_port" >/dev/null || true
expect "nc -u echo after an oversized datagram" "$(printf 'still' | timeout 5 nc -u -w1 127.0.0.1 "$udp_port")" "still"
grep -q "dropped: datagram of 9000 bytes" /tmp/gevent4j-UdpEchoServer.log || { echo "FAIL the oversized datagram was not reported"; exit 1; }
rm -rf "$tls_dir"

echo "== every hub served connections: the servers on 2 hubs, stopped, print what each hub served"
for server in EchoServer HttpServer RedisServer; do
  kill "${server_pid[$server]}"
  wait "${server_pid[$server]}" 2>/dev/null || true
  served="$(grep -o 'served per hub: \[.*\]' "/tmp/gevent4j-$server.log" || true)"
  echo "$server: $served"
  echo "$served" | grep -Eq '^served per hub: \[[1-9][0-9]*, [1-9][0-9]*\]$' || { echo "FAIL $server: a hub served no connection"; exit 1; }
done

echo "real clients: all passed"
