#!/usr/bin/env bash
# Builds and runs examples/maven-hello and examples/maven-test the way a user would: from gevent4j's
# installed artifacts, in a directory outside this build, with nothing but the README's files.
#
#   examples/build-examples.sh [MAVEN_ARGS...]     e.g. examples/build-examples.sh -o
#
# 1. Checks that the example is the README's text: its pom.xml is the README's "Add it to a Maven
#    build" block and Hello.java the "Ten lines" block, byte for byte.
#    maven-test's HelloTest.java is the README's "Testing coroutine code" test, its Hello.java the
#    same "Ten lines", and its pom.xml has every line of that section's pom fragment.
# 2. Installs the published modules (parent pom, BOM, annotations, runtime, processor, test kit,
#    with their sources and javadoc jars) into a throwaway local repository: a copy of
#    ~/.m2/repository, so that nothing is downloaded again and ~/.m2 never sees these snapshots.
#    Checks that the sources/javadoc jars are there and the Automatic-Module-Name entries in the
#    manifests.
# 3. Copies maven-hello to a temporary directory, runs `mvn -B -q package` there against that
#    repository, then `java -cp target/classes:<runtime>:<annotations> Hello`, and checks the ten
#    lines it prints.
# 4. The same with maven-test, whose `mvn package` runs HelloTest with the test kit (it imports the
#    BOM); checks that Surefire ran that one test and it passed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version=0.1.0-SNAPSHOT
example=examples/maven-hello

# The README block that follows a heading and opens with the given fence.
readme_block() {
  awk -v heading="$1" -v fence="$2" '
    $0 == heading { inside = 1; next }
    inside && !open && $0 == fence { open = 1; next }
    open && $0 == "```" { exit }
    open { print }
  ' README.md
}
check_same() {
  if ! diff -u <(readme_block "$1" "$2") "$3"; then
    echo "build-examples: $3 differs from README.md's block under '$1' (diff above)" >&2
    exit 1
  fi
}
check_same "## Add it to a Maven build" '```xml' "$example/pom.xml"
check_same "## Ten lines" '```java' "$example/src/main/java/Hello.java"
test_example=examples/maven-test
check_same "## Ten lines" '```java' "$test_example/src/main/java/Hello.java"
check_same "## Testing coroutine code" '```java' "$test_example/src/test/java/HelloTest.java"
# Every line of the README's pom fragment (but its "and in <build><plugins>" pointer) is in the pom.
while IFS= read -r line; do
  trimmed="$(printf '%s' "$line" | sed 's/^ *//; s/ *$//')"
  case "$trimmed" in ''|'<!-- and in'*) continue ;; esac
  if ! sed 's/^ *//; s/ *$//' "$test_example/pom.xml" | grep -qxF -- "$trimmed"; then
    echo "build-examples: $test_example/pom.xml lacks the README's line: $trimmed" >&2
    exit 1
  fi
done < <(readme_block "## Testing coroutine code" '```xml')

work="$(mktemp -d "${TMPDIR:-/tmp}/gevent4j-examples.XXXXXX")"
trap 'rm -rf "$work"' EXIT
repo="$work/repository"
if [ -d "$HOME/.m2/repository" ]; then
  cp -a "$HOME/.m2/repository" "$repo"
else
  mkdir -p "$repo"
fi

echo "== examples: installing gevent4j $version into a throwaway local repository"
mvn -B -q -DskipTests -Dmaven.repo.local="$repo" -pl .,bom,annotations,runtime,processor,test-kit install "$@"

g="$repo/io/gevent4j"
[ -f "$g/gevent4j-bom/$version/gevent4j-bom-$version.pom" ] || { echo "build-examples: the BOM was not installed" >&2; exit 1; }
for module in annotations runtime processor test; do
  for suffix in "" -sources -javadoc; do
    jar="$g/gevent4j-$module/$version/gevent4j-$module-$version$suffix.jar"
    [ -f "$jar" ] || { echo "build-examples: $jar was not installed" >&2; exit 1; }
  done
done
for pair in annotations:io.gevent4j.annotations runtime:io.gevent4j test:io.gevent4j.test; do
  module="${pair%%:*}" name="${pair#*:}"
  if ! unzip -p "$g/gevent4j-$module/$version/gevent4j-$module-$version.jar" META-INF/MANIFEST.MF \
      | tr -d '\r' | grep -qx "Automatic-Module-Name: $name"; then
    echo "build-examples: gevent4j-$module's manifest has no Automatic-Module-Name: $name" >&2
    exit 1
  fi
done

echo "== examples: $example (mvn -B -q package, then java Hello)"
cp -R "$example" "$work/maven-hello"
rm -rf "$work/maven-hello/target"
(cd "$work/maven-hello" && mvn -B -q -Dmaven.repo.local="$repo" package "$@")
classpath="$work/maven-hello/target/classes"
classpath+=":$g/gevent4j-runtime/$version/gevent4j-runtime-$version.jar"
classpath+=":$g/gevent4j-annotations/$version/gevent4j-annotations-$version.jar"
output="$(cd "$work/maven-hello" && java -cp "$classpath" Hello)"
printf '%s\n' "$output"

# Ten lines: two greenlets taking turns, each printing 0..4.
expected="$(printf '%s\n' 0 0 1 1 2 2 3 3 4 4)"
if [ "$(printf '%s\n' "$output" | grep -cE '^<Greenlet at 0x[0-9a-f]+: f\(5\)> [0-4]$')" != 10 ] \
  || [ "$(printf '%s\n' "$output" | wc -l)" != 10 ] \
  || [ "$(printf '%s\n' "$output" | sed 's/.* //')" != "$expected" ] \
  || [ "$(printf '%s\n' "$output" | sed 's/>.*//' | sort -u | wc -l)" != 2 ]; then
  echo "build-examples: Hello did not print ten '<Greenlet at 0x...: f(5)> N' lines from two greenlets taking turns" >&2
  exit 1
fi
echo "== examples: $test_example (mvn -B -q package runs HelloTest with the test kit)"
cp -R "$test_example" "$work/maven-test"
rm -rf "$work/maven-test/target"
(cd "$work/maven-test" && mvn -B -q -Dmaven.repo.local="$repo" package "$@" > "$work/maven-test.log" 2>&1) || {
  cat "$work/maven-test.log" >&2
  echo "build-examples: $test_example did not build or its test failed" >&2
  exit 1
}
report="$work/maven-test/target/surefire-reports/TEST-HelloTest.xml"
if ! grep -q '<testsuite [^>]*tests="1"[^>]*' "$report" 2>/dev/null \
  || ! grep -q '<testsuite [^>]*failures="0"' "$report" || ! grep -q '<testsuite [^>]*errors="0"' "$report" \
  || ! grep -q '<testsuite [^>]*skipped="0"' "$report"; then
  echo "build-examples: Surefire did not run HelloTest once, passing ($report)" >&2
  exit 1
fi
echo "== examples: ok"
