#!/usr/bin/env bash
# Compile-time overhead of the gevent4j processor (SPEC: <= 30% on 500 @Coroutine methods).
#
# Generates 50 classes x 10 @Coroutine methods (~10 lines each: loops, try/finally, switch,
# Gevent.sleep, a call to another coroutine) into a temp dir, then times, on the same sources:
#   plain      javac -proc:none                       user sources only
#   processed  javac -processorpath <processor jar>   user sources + processor + generated sources
#   output     javac -proc:none                       user sources + the generated sources saved
#                                                     by one processed run with -s
# "processed - output" approximates the time spent in the processor itself; "output - plain" is
# the cost of compiling what it generated.
#
# Usage (from the repository root, after `mvn -B -q -o package -DskipTests`):
#   benchmarks/scripts/compile-time.sh [runs] [javac]
#   RUNS=10 JAVAC=/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac benchmarks/scripts/compile-time.sh
# Environment: RUNS (default 10), WARMUP (default 1), JAVAC (default javac on PATH),
# CLASSES (50), METHODS (10 per class), KEEP=1 keeps the temp dir.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-${RUNS:-10}}
JAVAC=${2:-${JAVAC:-javac}}
WARMUP=${WARMUP:-1}
CLASSES=${CLASSES:-50}
METHODS=${METHODS:-10}

jar_of() {
  local jar
  jar=$(ls "$ROOT/$1"/target/gevent4j-"$1"-*.jar 2>/dev/null | grep -v -e original- -e sources -e javadoc | head -1 || true)
  if [ -z "$jar" ]; then
    echo "no $1 jar in $ROOT/$1/target; run: mvn -B -q -o package -DskipTests" >&2
    exit 1
  fi
  echo "$jar"
}
ANNOTATIONS=$(jar_of annotations)
RUNTIME=$(jar_of runtime)
PROCESSOR=$(jar_of processor)
CP="$ANNOTATIONS:$RUNTIME"

WORK=$(mktemp -d /tmp/gevent4j-compile-time.XXXXXX)
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK/src/bench" "$WORK/gen"

# ---- source tree -----------------------------------------------------------------------------
method() { # class index, method index
  local c=$1 m=$2 k=$(( $1 * 100 + $2 ))
  case $(( m % 4 )) in
    0) cat <<JAVA
  @Coroutine
  static int m$m(int n) {
    int total = $k;
    for (int i = 0; i < n; i++) {
      total += i * $(( m + 1 ));
      Gevent.sleep(1);
      if (total > $(( k + 100 ))) {
        break;
      }
    }
    return total;
  }

JAVA
    ;;
    1) cat <<JAVA
  @Coroutine
  static String m$m(String key) {
    StringBuilder sb = new StringBuilder("$c.$m:");
    try {
      sb.append(key);
      Gevent.sleep(2);
      sb.append(key.length() + $k);
    } finally {
      Gevent.sleep(0);
      sb.append('!');
    }
    return sb.toString();
  }

JAVA
    ;;
    2) cat <<JAVA
  @Coroutine
  static int m$m(int k) {
    int r = $k;
    switch (k % 3) {
      case 0:
        Gevent.sleep(1);
        r += 10;
        break;
      case 1:
        r += 20;
      default:
        Gevent.sleep(2);
        r += 1;
    }
    return r;
  }

JAVA
    ;;
    3) cat <<JAVA
  @Coroutine
  long m$m(int n) {
    long acc = base;
    int left = n;
    while (left > 0) {
      acc += m$(( m - 3 ))(left);
      Gevent.sleep(0);
      left -= $(( m % 3 + 1 ));
    }
    base = acc;
    return acc;
  }

JAVA
    ;;
  esac
}

for ((c = 0; c < CLASSES; c++)); do
  {
    echo "package bench;"
    echo
    echo "import io.gevent4j.Gevent;"
    echo "import io.gevent4j.annotations.Coroutine;"
    echo
    echo "public class C$c {"
    echo "  long base = $c;"
    echo
    for ((m = 0; m < METHODS; m++)); do method "$c" "$m"; done
    echo "}"
  } > "$WORK/src/bench/C$c.java"
done
SOURCES=$(ls "$WORK"/src/bench/*.java)
COROUTINES=$(cat $SOURCES | grep -c '@Coroutine')
USER_LINES=$(cat $SOURCES | wc -l)

# ---- one processed run with -s: generated sources and class files ----------------------------
mkdir -p "$WORK/once-plain" "$WORK/once-proc"
"$JAVAC" -proc:none -cp "$CP" -d "$WORK/once-plain" $SOURCES
"$JAVAC" -processorpath "$PROCESSOR" -cp "$CP" -d "$WORK/once-proc" -s "$WORK/gen" $SOURCES
GENERATED=$(find "$WORK/gen" -name '*.java' | sort)
GEN_FILES=$(echo "$GENERATED" | wc -l)
GEN_LINES=$(cat $GENERATED | wc -l)
GEN_CODE_LINES=$(cat $GENERATED | grep -v -E '^\s*($|//|/\*|\*)' | wc -l)
bytes() { find "$1" -name "$2" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
PLAIN_BYTES=$(bytes "$WORK/once-plain" '*.class')
PROC_BYTES=$(bytes "$WORK/once-proc" '*.class')
GEN_CLASS_BYTES=$(bytes "$WORK/once-proc" '*Coroutines*.class')
USER_CLASS_BYTES_PROC=$(( PROC_BYTES - GEN_CLASS_BYTES ))

echo "javac:        $JAVAC ($("$JAVAC" -version 2>&1))"
echo "processor:    $PROCESSOR"
echo "sources:      $CLASSES classes, $COROUTINES @Coroutine methods, $USER_LINES lines"
echo "generated:    $GEN_FILES files, $GEN_LINES lines = $(( GEN_LINES / COROUTINES )) lines per method" \
  "($GEN_CODE_LINES without blank and comment lines = $(( GEN_CODE_LINES / COROUTINES )) per method)"
echo "class files:  plain $PLAIN_BYTES B; processed $PROC_BYTES B (user classes $USER_CLASS_BYTES_PROC B," \
  "generated $GEN_CLASS_BYTES B = $(( GEN_CLASS_BYTES / COROUTINES )) B per method)"
echo

# ---- timing ----------------------------------------------------------------------------------
ALL_SOURCES="$SOURCES $GENERATED"
PLAIN="$JAVAC -proc:none -cp $CP -d $WORK/out $(echo $SOURCES)"
PROCESSED="$JAVAC -processorpath $PROCESSOR -cp $CP -d $WORK/out -s $WORK/out-gen $(echo $SOURCES)"
OUTPUT="$JAVAC -proc:none -cp $CP -d $WORK/out $(echo $ALL_SOURCES)"
PREPARE="rm -rf $WORK/out $WORK/out-gen && mkdir -p $WORK/out $WORK/out-gen"

if command -v hyperfine > /dev/null; then
  hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" --prepare "$PREPARE" \
    --export-json "$WORK/times.json" \
    -n plain "$PLAIN" -n processed "$PROCESSED" -n output "$OUTPUT" >&2
  python3 - "$WORK/times.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
for name in ("plain", "processed", "output"):
    x = r[name]
    print(f"{name:10s} mean {x['mean']:.3f} s  sd {x['stddev'] or 0:.3f}  median {x['median']:.3f}  "
          f"min {x['min']:.3f}  max {x['max']:.3f}  (n={len(x['times'])})  "
      f"cpu (user+sys, mean) {x['user'] + x['system']:.3f} s")
p, q, o = (r[n]["median"] for n in ("plain", "processed", "output"))
print(f"overhead (medians): processed/plain = {q / p:.2f}x (+{(q / p - 1) * 100:.0f}%); "
      f"compiling the generated code (output - plain) = {o - p:.3f} s; "
      f"processor itself (processed - output) = {q - o:.3f} s")
p, q, o = (r[n]["min"] for n in ("plain", "processed", "output"))
print(f"overhead (minimums): processed/plain = {q / p:.2f}x (+{(q / p - 1) * 100:.0f}%); "
      f"output - plain = {o - p:.3f} s; processed - output = {q - o:.3f} s")
p, q, o = (r[n]["user"] + r[n]["system"] for n in ("plain", "processed", "output"))
print(f"overhead (cpu time, means): processed/plain = {q / p:.2f}x (+{(q / p - 1) * 100:.0f}%); "
      f"output - plain = {o - p:.3f} s; processed - output = {q - o:.3f} s")
PY
else
  time_runs() { # name, command
    local name=$1 cmd=$2 i t0 t1
    for ((i = 0; i < WARMUP; i++)); do eval "$PREPARE"; $cmd; done
    for ((i = 0; i < RUNS; i++)); do
      eval "$PREPARE"
      t0=$(date +%s%N); $cmd; t1=$(date +%s%N)
      echo "$name $(( (t1 - t0) / 1000000 ))"
    done
  }
  { time_runs plain "$PLAIN"; time_runs processed "$PROCESSED"; time_runs output "$OUTPUT"; } > "$WORK/times.txt"
  python3 - "$WORK/times.txt" <<'PY'
import statistics as st, sys
r = {}
for line in open(sys.argv[1]):
    n, ms = line.split(); r.setdefault(n, []).append(int(ms) / 1000)
for n in ("plain", "processed", "output"):
    x = r[n]
    print(f"{n:10s} mean {st.mean(x):.3f} s  sd {st.stdev(x) if len(x) > 1 else 0:.3f}  median {st.median(x):.3f}  "
          f"min {min(x):.3f}  max {max(x):.3f}  (n={len(x)})")
p, q, o = (st.median(r[n]) for n in ("plain", "processed", "output"))
print(f"overhead (medians): processed/plain = {q / p:.2f}x (+{(q / p - 1) * 100:.0f}%); "
      f"output - plain = {o - p:.3f} s; processed - output = {q - o:.3f} s")
PY
fi
