# The JVM options the service runs with by default, and its ahead-of-time cache (memory and
# start-up). Sourced by bin/run, bin/package and bench/; needs bin/java-env.sh sourced first.
# shellcheck shell=bash
#
#   todo_jvm_options JAR   fills the array todo_jvm with:
#     -XX:+UseSerialGC -Xms16m -Xmx96m    a small heap with one collector thread: the service's live data is
#                                         15–35 MiB (Argon2's block included), and on a few cores a concurrent collector only competes
#                                         with requests. Any -XX:+Use…GC in JAVA_OPTS (or JAVA_TOOL_OPTIONS,
#                                         JDK_JAVA_OPTIONS) replaces the collector;
#                                         a -Xmx there wins over ours (given later).
#     -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40
#                                         the heap grows later and gives back more after a full collection
#                                         (SerialGC's defaults, 40/70, kept the whole 96 MiB committed after a load).
#     -XX:ReservedCodeCacheSize=32m       compiled code fits in about 20 MiB; the default reserves 240 MiB in
#                                         three segments that each hold partly used pages.
#     -XX:TrimNativeHeapInterval=5000     JDK 22+ on glibc: every 5 s the C library returns freed native memory (the JIT's
#                                         scratch space, mostly) to the OS instead of keeping it for reuse.
#     -XX:AOTCache=FILE                   JDK 25+: classes loaded and linked ahead of time (JEPs 483/514/515),
#                                         from a training start made once per build (TODO_AOT=0: none).
#     then JAVA_OPTS, word by word.
#   TODO_JVM_DEFAULTS=0 leaves out the GC, heap and memory options; TODO_AOT_CACHE=FILE moves the cache.

# The collector of the defaults; bin/package writes it into its launcher.
TODO_JVM_COLLECTOR=-XX:+UseSerialGC

todo_jvm_options() {
  local jar=$1 major cache user_opts=()
  read -r -a user_opts <<<"${JAVA_OPTS:-}"
  todo_jvm=()
  if [[ "${TODO_JVM_DEFAULTS:-1}" != 0 ]]; then
    local opt own_gc=0
    # A collector named anywhere the JVM reads options from replaces ours (two collectors refuse to start).
    local env_opts=()
    read -r -a env_opts <<<"${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-}"
    for opt in "${user_opts[@]}" "${env_opts[@]}"; do
      [[ $opt == -XX:+Use*GC ]] && own_gc=1
    done
    (( own_gc )) || todo_jvm+=("$TODO_JVM_COLLECTOR")
  fi
  major=$(_todo_java_major "$(_todo_java_version_of "$JAVA_HOME")")
  if [[ "${TODO_JVM_DEFAULTS:-1}" != 0 ]]; then
    local defaults=()
    read -r -a defaults <<<"$(todo_jvm_defaults "$major")"
    todo_jvm+=("${defaults[@]}")
  fi
  cache=${TODO_AOT_CACHE:-${jar%.jar}.aot}
  if [[ "${TODO_AOT:-1}" != 0 ]] && (( major >= 25 )); then
    if [[ ! -s "$cache" || "$jar" -nt "$cache" ]]; then
      _todo_aot_train "$jar" "$cache" "${user_opts[@]}"
    fi
    # JDK 25 warns at every start about adapter stubs it could not link from the cache (harmless: they are
    # made anew), so only the cache's errors are shown.
    [[ -s "$cache" ]] && todo_jvm+=("-XX:AOTCache=$cache" "-Xlog:aot*=error")
  fi
  todo_jvm+=("${user_opts[@]}")
}

# todo_jvm_defaults MAJOR: prints the memory options above (all but the collector) for a JDK of that major
# version, on one line; bin/package writes the same line into its launcher.
todo_jvm_defaults() {
  local opts="-Xms16m -Xmx96m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:ReservedCodeCacheSize=32m"
  # Trimming is glibc's malloc_trim: elsewhere (macOS, musl) the JVM would only warn at every start.
  if (( $1 >= 22 )) && getconf GNU_LIBC_VERSION >/dev/null 2>&1; then
    opts+=" -XX:TrimNativeHeapInterval=5000"
  fi
  echo "$opts"
}

# One GET to the service on 127.0.0.1:$1, path $2 (bash's /dev/tcp: no curl needed); the answer is dropped.
_todo_http_get() {
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer training.not.a-token\r\nConnection: close\r\n\r\n' "$2" >&3
  timeout 10 cat <&3 >/dev/null
  exec 3<&- 3>&-
}

# A training start: the service as configured (same database, same options) on a free port, a few requests
# down the paths every start and every request take, then a normal stop, when the JVM writes the cache.
_todo_aot_train() {
  local jar=$1 cache=$2 log port="" pid
  shift 2
  log=$(mktemp)
  echo "bin: making the start-up cache $cache (one training start per build; TODO_AOT=0 skips it)…" >&2
  rm -f "$cache"
  HOST=127.0.0.1 PORT=0 "$JAVA_HOME/bin/java" "${todo_jvm[@]}" "$@" "-XX:AOTCacheOutput=$cache" -jar "$jar" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    port=$(grep -o 'listening on http://localhost:[0-9]*' "$log" | grep -o '[0-9]*$' | head -1 || true)
    [[ -n "$port" ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [[ -n "$port" ]]; then
    for path in /health/ready /health/live /api/training/tasks /api/auth/jwks /openapi.json /; do
      _todo_http_get "$port" "$path" || true
    done
  fi
  # Stopped whether or not it came up: a training start never outlives its minute.
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ ! -s "$cache" ]]; then
    echo "bin: no start-up cache was made (the service starts without it); the training start said:" >&2
    tail -5 "$log" >&2
  fi
  rm -f "$log"
}
