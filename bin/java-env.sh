# shellcheck shell=bash
# Finds a JDK 21+ for the Todo API and exports JAVA_HOME and PATH.
#
# Sourced by bin/run, bin/test and .ci/run. Order of preference:
#   1. $JAVA_HOME, when it is a JDK 21+
#   2. the `java` on PATH, when it is 21+ (its JDK home is derived)
#   3. the newest JDK 21+ under /usr/lib/jvm (override the folder with TODO_JVM_DIR)
# When none is found it prints what it did find and exits 1 (returns 1 if the
# caller set TODO_JAVA_ENV_RETURN=1, so .ci/run can install one and retry).
#
# Run it directly (`bash bin/java-env.sh`) to see which JDK it picks.

TODO_MIN_JAVA=21

# Prints the full version string ("17.0.15", "21", "1.8.0_392") of the JDK at $1.
_todo_java_version_of() {
  local home=$1 line ver=""
  if [[ -r "$home/release" ]]; then
    line=$(grep -m1 '^JAVA_VERSION=' "$home/release" 2>/dev/null || true)
    ver=${line#JAVA_VERSION=}
    ver=${ver//\"/}
  fi
  if [[ -z "$ver" && -x "$home/bin/java" ]]; then
    # First quoted token of `java -version`: openjdk version "17.0.15" 2025-04-15
    line=$("$home/bin/java" -version 2>&1 | grep -m1 -i 'version' || true)
    if [[ "$line" =~ \"([^\"]+)\" ]]; then
      ver=${BASH_REMATCH[1]}
    fi
  fi
  printf '%s' "$ver"
}

# Prints the major version of a version string: "1.8.0_392" -> 8, "21" -> 21,
# "25.0.1" -> 25, "21-ea" -> 21; prints 0 when it cannot tell.
_todo_java_major() {
  local v=$1
  [[ "$v" == 1.* ]] && v=${v#1.}
  if [[ "$v" =~ ^([0-9]+) ]]; then
    printf '%s' "$((10#${BASH_REMATCH[1]}))"
  else
    printf '0'
  fi
}

_todo_found=()   # what was seen, for the error message

# Records "$1 (details)" once per real folder (symlinked JDK folders are one JDK).
_todo_saw() {
  local real entry
  real=$(readlink -f "$1" 2>/dev/null || printf '%s' "$1")
  for entry in "${_todo_found[@]}"; do
    [[ "$entry" == "$real "* ]] && return 0
  done
  _todo_found+=("$real ($2)")
}

# Succeeds when $1 is a JDK (java and javac) of version 21+; records what it saw.
_todo_is_usable_jdk() {
  local home=$1 ver major
  [[ -n "$home" && -x "$home/bin/java" ]] || return 1
  ver=$(_todo_java_version_of "$home")
  major=$(_todo_java_major "$ver")
  if [[ ! -x "$home/bin/javac" ]]; then
    _todo_saw "$home" "${ver:-unknown version}, a JRE without javac"
    return 1
  fi
  if (( major < TODO_MIN_JAVA )); then
    _todo_saw "$home" "${ver:-unknown version}"
    return 1
  fi
  return 0
}

# Prints the JDK home to use, or fails.
_todo_find_jdk() {
  local java_on_path home best="" best_ver="" ver candidate

  if [[ -n "${JAVA_HOME:-}" ]]; then
    if _todo_is_usable_jdk "$JAVA_HOME"; then
      printf '%s' "$JAVA_HOME"; return 0
    fi
    [[ -x "$JAVA_HOME/bin/java" ]] || _todo_saw "$JAVA_HOME" "JAVA_HOME, but no bin/java there"
  fi

  if java_on_path=$(command -v java 2>/dev/null); then
    # /usr/bin/java -> /etc/alternatives/java -> /usr/lib/jvm/…/bin/java
    home=$(readlink -f "$java_on_path" 2>/dev/null || printf '%s' "$java_on_path")
    home=${home%/bin/java}
    if _todo_is_usable_jdk "$home"; then
      printf '%s' "$home"; return 0
    fi
  fi

  for candidate in "${TODO_JVM_DIR:-/usr/lib/jvm}"/*; do
    [[ -d "$candidate" ]] || continue
    if _todo_is_usable_jdk "$candidate"; then
      ver=$(_todo_java_version_of "$candidate")
      if [[ -z "$best" ]] || [[ "$(printf '%s\n%s\n' "$best_ver" "$ver" | sort -V | tail -n1)" != "$best_ver" ]]; then
        best=$candidate; best_ver=$ver
      fi
    fi
  done
  [[ -n "$best" ]] || return 1
  printf '%s' "$best"
}

_todo_jdk_home=""
if _todo_jdk_home=$(_todo_find_jdk); then
  if [[ -n "${JAVA_HOME:-}" && "$JAVA_HOME" != "$_todo_jdk_home" ]]; then
    echo "java-env: JAVA_HOME=$JAVA_HOME is older than Java $TODO_MIN_JAVA; using $_todo_jdk_home instead" >&2
  fi
  JAVA_HOME=$_todo_jdk_home
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
  # Maven's bundled Guice calls sun.misc.Unsafe, which JDK 24+ warns about at every
  # build; the flag (JDK 23+) only quiets Maven's own JVM, not the tests.
  if (( $(_todo_java_major "$(_todo_java_version_of "$JAVA_HOME")") >= 23 )) \
     && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
  if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    echo "JAVA_HOME=$JAVA_HOME ($(_todo_java_version_of "$JAVA_HOME"))"
  elif [[ "${TODO_JAVA_ENV_QUIET:-0}" != 1 ]]; then
    # One line, so that a skipped older JDK (Debian's default 17, say) is never a silent surprise.
    echo "java-env: using JDK $(_todo_java_version_of "$JAVA_HOME") at $JAVA_HOME" >&2
  fi

  # Prints once, before a build, that the first one downloads the dependencies (it is quiet otherwise).
  todo_first_build_notice() {
    local repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
    if [[ ! -d "$repo/io/helidon/webserver/helidon-webserver" ]]; then
      echo "First build: Maven downloads the dependencies (about 120 MB) first; that takes a minute or two." >&2
    fi
  }
else
  # The subshell above recorded nothing we can see here: look again, in this shell.
  _todo_found=()
  _todo_find_jdk >/dev/null || true
  _todo_seen="nothing"
  if (( ${#_todo_found[@]} > 0 )); then
    _todo_seen=$(IFS=';'; printf '%s' "${_todo_found[*]}")
    _todo_seen=${_todo_seen//;/, }
  fi
  echo "The Todo API needs a JDK $TODO_MIN_JAVA or newer; found: $_todo_seen (looked at JAVA_HOME, java on PATH and ${TODO_JVM_DIR:-/usr/lib/jvm}/*); install one (e.g. Temurin $TODO_MIN_JAVA+) or set JAVA_HOME to it." >&2
  if [[ "${TODO_JAVA_ENV_RETURN:-0}" == 1 && "${BASH_SOURCE[0]}" != "$0" ]]; then
    return 1
  fi
  exit 1
fi
