# shellcheck shell=bash
# What the interop scripts share (run.sh, sessions.sh, ../nextjs/run.sh):
# process cleanup, logging, waiting for a port, and the set-up (node, curl,
# npm ci in the caller's folder, a JDK, the jar). Sourced after the caller has
# set here, repo, jar and work; a caller may define after_cleanup, run on exit.

pids=()
tools_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local pid
  # A pid, or a negative one for a whole process group (a server that starts children of its own).
  for pid in "${pids[@]}"; do
    kill -- "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    # bounded: give each a few seconds, then force
    for _ in $(seq 50); do kill -0 -- "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- "$pid" 2>/dev/null || true
  done
  if declare -F after_cleanup >/dev/null; then after_cleanup || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*"; }
tool() { node "$tools_dir/jwt-tool.mjs" "$@"; }

# wait_http URL SECONDS PID: until URL answers 200, the process dies, or time runs out
wait_http() {
  local url=$1 secs=$2 pid=$3 i
  for ((i = 0; i < secs * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || return 1
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true) == 200 ]] && return 0
    sleep 0.2
  done
  return 1
}

# ---------------------------------------------------------------- setup
command -v node >/dev/null || { log "node is required"; exit 1; }
command -v curl >/dev/null || { log "curl is required"; exit 1; }

log "== npm ci in ${here#"$repo"/} (better-auth $(node -p "require('$here/package.json').dependencies['better-auth']"))"
(cd "$here" && npm ci --silent --no-audit --no-fund --loglevel=error)

# shellcheck source=/dev/null
source "$repo/bin/java-env.sh"
if [[ ${TODO_SKIP_BUILD:-0} != 1 ]]; then
  log "== building the Todo API jar"
  (cd "$repo" && ./mvnw -q -B -ntp -DskipTests -pl bootstrap -am package)
fi
[[ -f $jar ]] || { log "no $jar: build it or drop TODO_SKIP_BUILD"; exit 1; }
