#!/usr/bin/env bash
# The official MCP TypeScript SDK's client (client.mjs) against the Todo API's MCP server at /mcp, on the
# embedded default and on PostgreSQL: initialize, the tool list, every tool, another user's id refused, no
# token → 401 naming the resource metadata, a signed-out session refused.
#
#   interop/mcp/run.sh                    # npm ci, build the jar, both stores
#   TODO_SKIP_BUILD=1 interop/mcp/run.sh  # reuse bootstrap/target/todo-api.jar
#
# Needs Node 20+, npm, curl, a JDK 21+, and for the second store psql/createdb reaching PostgreSQL on
# 127.0.0.1:5432 as postgres. Only loopback ports are used; everything started here is stopped on exit.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
jar=${TODO_JAR:-"$repo/bootstrap/target/todo-api.jar"}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work=$(mktemp -d "${TMPDIR:-/tmp}/mcp-interop.XXXXXX")
database="todo_mcp_interop_$$_$RANDOM"
after_cleanup() { dropdb --if-exists "$database" 2>/dev/null; }
# shellcheck source=../better-auth/common.sh
source "$here/../better-auth/common.sh"

json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];process.stdout.write(String(v))})' "$1"; }

failures=0
run_store() {
  local store=$1 port api
  port=$(tool free-port)
  api="http://127.0.0.1:$port"
  log ""
  log "== $store: Todo API on $api"
  if [[ $store == postgresql ]]; then
    createdb "$database"
    env HOST=127.0.0.1 PORT="$port" DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database?user=$PGUSER" \
      java -jar "$jar" >"$work/$store.log" 2>&1 &
  else
    env -u DATABASE_URL HOST=127.0.0.1 PORT="$port" DATA_DIR="$work/data" java -jar "$jar" >"$work/$store.log" 2>&1 &
  fi
  local pid=$!
  pids+=("$pid")
  wait_http "$api/health/ready" 60 "$pid" || { log "FAIL the Todo API did not start"; tail -20 "$work/$store.log"; return 1; }

  local a b c
  a=$(curl -fsS -X POST "$api/api/auth/sign-up" -H 'Content-Type: application/json' \
    -d "{\"email\":\"ada.$RANDOM@example.com\",\"password\":\"correct horse battery\"}")
  b=$(curl -fsS -X POST "$api/api/auth/sign-up" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bob.$RANDOM@example.com\",\"password\":\"correct horse battery\"}")
  c=$(curl -fsS -X POST "$api/api/auth/sign-up" -H 'Content-Type: application/json' \
    -d "{\"email\":\"cy.$RANDOM@example.com\",\"password\":\"correct horse battery\"}")
  local signed_out
  signed_out=$(json_field token <<<"$c")
  curl -fsS -o /dev/null -X POST "$api/api/auth/sign-out" -H "Authorization: Bearer $signed_out"
  if ! node "$here/client.mjs" "$api" "$(json_field token <<<"$a")" "$(json_field token <<<"$b")" \
      "$(json_field user.id <<<"$a")" "$signed_out"; then
    log "   Todo API log (last lines):"; tail -n 15 "$work/$store.log" | sed 's/^/   | /'
    return 1
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

for store in embedded postgresql; do
  run_store "$store" || failures=$((failures + 1))
done
log ""
log "mcp interop: $((2 - failures)) stores passed, $failures failed"
exit $((failures > 0 ? 1 : 0))
