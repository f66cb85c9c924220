#!/usr/bin/env bash
# Every benchmark of issue 16 with its peers, in one run, on Temurin 25 (docs/BENCHMARKS.md, top
# section): the JMH run of gevent4j and its JVM peers, the same with -prof gc (allocation), the
# Kotlin peers (../shared/peers/run-kotlin.sh; their raw results copied to OUT/kotlin), the sleeping
# footprints (G1 and Serial, three JVMs each) and the compile-time script; then the tables of
# docs/BENCHMARKS.md from all of it (issue16_tables.py, OUT/tables.md). Logs the load average
# before and after each step.
#
# Usage (from the repository root, on a quiet machine; ~35 minutes on 2 cores):
#   mvn -B -q -pl runtime,processor,benchmarks -am package -DskipTests
#   benchmarks/scripts/issue16.sh [OUT]      # OUT defaults to benchmarks/results/$(date +%F)-run
# Environment: J (the java to run, default Temurin 25), FORKS (JMH forks of the main run and the
# Kotlin peers, default 2), FOOT_RUNS (JVMs per footprint row, default 3), SKIP (space-separated
# steps to skip: main gc kotlin foot compile).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=${1:-benchmarks/results/$(date +%F)-run}
J=${J:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=benchmarks/target/benchmarks.jar
SKIP=${SKIP:-}
FORKS=${FORKS:-2}
FOOT_RUNS=${FOOT_RUNS:-3}
mkdir -p "$OUT"

load() { echo "$1 $(date +%T) load $(cat /proc/loadavg)" | tee -a "$OUT/load.txt"; }
wanted() { case " $SKIP " in *" $1 "*) return 1 ;; *) return 0 ;; esac; }

JMH_SET='PingPongBenchmark|SpawnBenchmark|TimerBenchmark|DispatchBenchmark'
load start
if wanted main; then
  "$J" -jar "$JAR" "$JMH_SET" -f "$FORKS" -wi 3 -i 5 -w 1s -r 1s -rf json -rff "$OUT/main.json" > "$OUT/main.log" 2>&1
  load "main end"
fi
if wanted gc; then
  "$J" -jar "$JAR" "PingPongBenchmark|SpawnBenchmark|DispatchBenchmark.staticCall|TimerBenchmark" \
    -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc -rf json -rff "$OUT/gc.json" > "$OUT/gc.log" 2>&1
  load "gc end"
fi
if wanted kotlin; then
  GEVENT4J=$ROOT ../shared/peers/run-kotlin.sh --pp "-f $FORKS -wi 3 -i 5 -w 1 -r 1" --spawn "-f $FORKS -wi 2 -i 5 -w 2 -r 2" --foot-reps "$FOOT_RUNS" > "$OUT/kotlin.log" 2>&1
  raw=$(sed -n 's/.*raw results in \(.*\)):$/\1/p' "$OUT/kotlin.log")
  [ -n "$raw" ] && rm -rf "$OUT/kotlin" && cp -r "$raw" "$OUT/kotlin"
  load "kotlin end"
fi
if wanted foot; then
  for gc in G1 Serial; do
    for kind in greenlets virtual; do
      for run in $(seq "$FOOT_RUNS"); do
        echo "$gc $kind $run: $("$J" -XX:+Use${gc}GC -cp "$JAR" io.gevent4j.benchmarks.SleepingFootprint $kind 1000000 2>&1 | tail -1)"
      done
    done
  done > "$OUT/foot.log"
  load "foot end"
fi
if wanted compile; then
  RUNS=${RUNS:-5} JAVAC="$(dirname "$J")/javac" benchmarks/scripts/compile-time.sh > "$OUT/compile.log" 2>&1
  load "compile end"
fi
grep -hE '^(PingPong|Spawn|Timer|Dispatch)Benchmark' "$OUT"/main.log "$OUT"/gc.log 2>/dev/null | grep -E 'avgt' > "$OUT/summary.txt" || true
python3 benchmarks/scripts/issue16_tables.py "$OUT" > "$OUT/tables.md"
echo "results in $OUT (tables: $OUT/tables.md)"
