#!/usr/bin/env bash
# Token verification micro-benchmarks (JMH): HS256, EdDSA first sight, EdDSA cached.
# Usage: bench/jmh-tokens.sh [JMH options replacing the defaults -f 1 -wi 2 -i 3 -w 2s -r 3s]
set -euo pipefail
cd "$(dirname "$0")/.."

# A JDK 21+ is needed: the project's own finder if there is one, else JAVA_HOME, java on PATH, newest in /usr/lib/jvm.
if [[ -f bin/java-env.sh ]]; then
    # shellcheck disable=SC1091
    source bin/java-env.sh
fi
java_major() { # prints the major version of the java binary $1, or 0
    local v
    v=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || true
    v=${v#1.}
    echo "${v%%[.+-]*}" | grep -E '^[0-9]+$' || echo 0
}
pick_java_home() {
    local candidate best="" best_major=0 major
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && $(java_major "$JAVA_HOME/bin/java") -ge 21 ]]; then
        echo "$JAVA_HOME"; return
    fi
    if command -v java >/dev/null && [[ $(java_major "$(command -v java)") -ge 21 ]]; then
        dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return
    fi
    for candidate in /usr/lib/jvm/*/bin/java; do
        [[ -x "$candidate" ]] || continue
        major=$(java_major "$candidate")
        if (( major > best_major )); then best_major=$major; best=$(dirname "$(dirname "$candidate")"); fi
    done
    if (( best_major >= 21 )); then echo "$best"; return; fi
    echo "No JDK 21 or newer found (JAVA_HOME, PATH, /usr/lib/jvm)." >&2
    exit 1
}
JAVA_HOME=$(pick_java_home)
export JAVA_HOME
echo "Using JDK at $JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | head -1))"

module=adapters-http
cpfile="$module/target/jmh-classpath.txt"
./mvnw -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$cpfile" -Dmdep.includeScope=test
cp="$module/target/test-classes:$module/target/classes:$(cat "$cpfile")"

# Generate the JMH harness explicitly: since JDK 23 javac runs no annotation processor unless told (-proc:full).
out="$module/target/jmh-classes"
rm -rf "$out" && mkdir -p "$out"
"$JAVA_HOME/bin/javac" -proc:full -nowarn -d "$out" -cp "$cp" \
    "$module"/src/test/java/app/todo/adapter/out/token/bench/*.java

# Options given replace the defaults (JMH refuses an option given twice).
options=("$@")
(( ${#options[@]} )) || options=(-f 1 -wi 2 -i 3 -w 2s -r 3s)
exec "$JAVA_HOME/bin/java" -cp "$out:$cp" org.openjdk.jmh.Main TokenVerificationBenchmark "${options[@]}"
