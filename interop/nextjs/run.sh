#!/usr/bin/env bash
# Proves that the Todo API works with Better Auth hosted where Better Auth's
# docs put it: a route handler of a Next.js app (app/api/auth/[...all]), over
# plain http:// on loopback, as every Next.js developer runs it. Next.js closes
# the socket on an HTTP/2 cleartext upgrade, so this is what catches an
# outgoing client that tries one (docs/authentication.md).
#
# For `next dev`, then `next build` + `next start`:
#   1. make Better Auth's tables in a fresh PostgreSQL database with Better
#      Auth's own migration (migrate.mjs);
#   2. start the Next.js app; sign a user up through it (session cookie, and the
#      bearer() plugin's set-auth-token header), get a JWT from /api/auth/token;
#   3. start the Todo API with AUTH_JWKS_URL, BETTER_AUTH_URL and
#      BETTER_AUTH_SECRET pointing at the app, as the README's frontend section
#      says;
#   4. assert that the JWT, the bearer session token and the session cookie are
#      each accepted, and that another user's path is 403 with each.
#
#   interop/nextjs/run.sh                    # npm ci, build the jar, both modes
#   TODO_SKIP_BUILD=1 interop/nextjs/run.sh  # reuse bootstrap/target/todo-api.jar
#   MODES=dev interop/nextjs/run.sh          # only `next dev`
#
# Needs Node 20.9+, npm, curl, psql/createdb reaching PostgreSQL on
# 127.0.0.1:5432 as postgres (PGHOST/PGPORT/PGUSER override), and a JDK 21+.
# Only 127.0.0.1 ports are used; every process started here is stopped and the
# database dropped on exit.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
jar=${TODO_JAR:-"$repo/bootstrap/target/todo-api.jar"}
modes=${MODES:-"dev start"}
started=$(date +%s)
export NEXT_TELEMETRY_DISABLED=1
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

work=$(mktemp -d "${TMPDIR:-/tmp}/nextjs-interop.XXXXXX")
database="todo_nextjs_interop_$$_$RANDOM"
after_cleanup() { dropdb --if-exists "$database" 2>/dev/null; }
# shellcheck source=../better-auth/common.sh
source "$here/../better-auth/common.sh"

command -v createdb >/dev/null || { log "createdb (PostgreSQL's client) is required"; exit 1; }
createdb "$database" || { log "cannot create database $database on $PGHOST:$PGPORT as $PGUSER"; exit 1; }
export BETTER_AUTH_DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$database"
# One secret for Better Auth and the Todo API, as a frontend and its API share it; never on a command line.
BETTER_AUTH_SECRET=$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))')
export BETTER_AUTH_SECRET

passed=0
failed=0
declare -A verdict

# check NAME EXPECTED ACTUAL: one assertion
check() {
  if [[ $2 == "$3" ]]; then
    log "   ok   $1 -> $3"; passed=$((passed + 1))
  else
    log "   FAIL $1 -> $3 (expected $2)"; failed=$((failed + 1)); mode_failed=1
  fi
}

# status ARGS...: the HTTP status of one curl request (000 when none came back)
status() { curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 20 "$@" || true; }
header() { tr -d '\r' <"$work/headers" | sed -n "s/^$1: //Ip" | head -n1; }

run_mode() {
  local mode=$1 dir="$work/$mode"
  mkdir -p "$dir/data"
  mode_failed=0
  local fe_port api_port
  fe_port=$(tool free-port)
  api_port=$(tool free-port)
  while [[ $api_port == "$fe_port" ]]; do api_port=$(tool free-port); done
  local fe="http://127.0.0.1:$fe_port" api="http://127.0.0.1:$api_port"
  export BETTER_AUTH_URL=$fe

  log ""
  if [[ $mode == start ]]; then
    log "== next build"
    if ! (cd "$here" && npx --no-install next build >"$dir/build.log" 2>&1); then
      log "   FAIL next build; its log:"; tail -n 30 "$dir/build.log" | sed 's/^/   | /'
      failed=$((failed + 1)); return 1
    fi
  fi
  log "== next $mode: Better Auth in app/api/auth/[...all] on $fe"
  # In a process group of its own: next starts a next-server child, which must stop with it.
  (cd "$here" && exec setsid npx --no-install next "$mode" -p "$fe_port" -H 127.0.0.1) >"$dir/next.log" 2>&1 &
  local fe_pid=$!
  pids+=("-$fe_pid")
  if ! wait_http "$fe/api/auth/ok" 120 "$fe_pid"; then
    log "   FAIL the Next.js app did not come up; its log:"; tail -n 30 "$dir/next.log" | sed 's/^/   | /'
    failed=$((failed + 1)); return 1
  fi
  # What broke before: an HTTP/2 cleartext upgrade gets no answer from Next.js.
  log "   (curl --http2 to the JWKS: $(curl -s --http2 -o /dev/null -w '%{http_code}' --max-time 10 "$fe/api/auth/jwks" || true); plain HTTP/1.1: $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$fe/api/auth/jwks"))"

  local email="ada.$mode.$RANDOM@example.com"
  check "Better Auth POST /api/auth/sign-up/email" 200 "$(status -c "$dir/cookies" -H 'content-type: application/json' \
    -H "origin: $fe" -d "{\"email\":\"$email\",\"password\":\"correct-horse-battery-staple\",\"name\":\"Ada\"}" \
    "$fe/api/auth/sign-up/email")"
  local session_token user_id jwt
  session_token=$(header set-auth-token)
  user_id=$(tool json user <"$work/body" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).id))')
  jwt=$(curl -s --max-time 20 -b "$dir/cookies" "$fe/api/auth/token" | tool json token) || true
  [[ -n $session_token ]] || { log "   FAIL no set-auth-token header (bearer plugin)"; mode_failed=1; }
  [[ -n $jwt ]] || { log "   FAIL no JWT from GET /api/auth/token"; mode_failed=1; }
  local cookie
  cookie=$(awk '$6 == "better-auth.session_token" {print $7}' "$dir/cookies")
  log "   user $user_id; JWT: $(tool header "$jwt" alg) kid $(tool header "$jwt" kid | cut -c1-8)…, iss $(tool claim "$jwt" iss)"

  log "== Todo API on $api (AUTH_JWKS_URL=$fe/api/auth/jwks, BETTER_AUTH_URL=$fe)"
  # The README's frontend set-up: issuer and audience are Better Auth's base URL.
  env -u DATABASE_URL HOST=127.0.0.1 PORT="$api_port" DATA_DIR="$dir/data" CORS_ORIGINS="$fe" \
    AUTH_JWKS_URL="$fe/api/auth/jwks" AUTH_ISSUER="$fe" AUTH_AUDIENCE="$fe" BETTER_AUTH_URL="$fe" AUTH_SESSION_CACHE=2s \
    java -jar "$jar" >"$dir/api.log" 2>&1 &
  local api_pid=$!
  pids+=("$api_pid")
  if ! wait_http "$api/health/ready" 60 "$api_pid"; then
    log "   FAIL the Todo API did not become ready; its log:"; tail -n 40 "$dir/api.log" | sed 's/^/   | /'
    failed=$((failed + 1)); return 1
  fi

  local tasks="$api/api/$user_id/tasks"
  check "JWT (jwt plugin, via JWKS): POST /api/<id>/tasks" 201 "$(status -H "authorization: Bearer $jwt" \
    -H 'content-type: application/json' -d '{"title":"from a JWT"}' "$tasks")"
  check "JWT: GET /api/<id>/tasks" 200 "$(status -H "authorization: Bearer $jwt" "$tasks")"
  check "JWT: another user's tasks" 403 "$(status -H "authorization: Bearer $jwt" "$api/api/someone-else/tasks")"
  check "bearer session token (set-auth-token): POST /api/<id>/tasks" 201 "$(status \
    -H "authorization: Bearer $session_token" -H 'content-type: application/json' -d '{"title":"from a session"}' "$tasks")"
  check "bearer session token: GET /api/<id>/tasks" 200 "$(status -H "authorization: Bearer $session_token" "$tasks")"
  check "bearer session token: another user's tasks" 403 "$(status -H "authorization: Bearer $session_token" \
    "$api/api/someone-else/tasks")"
  check "session cookie: POST /api/<id>/tasks from the app's origin" 201 "$(status \
    -H "cookie: better-auth.session_token=$cookie" -H "origin: $fe" -H 'content-type: application/json' \
    -d '{"title":"from a cookie"}' "$tasks")"
  check "session cookie: GET /api/<id>/tasks" 200 "$(status -H "cookie: better-auth.session_token=$cookie" "$tasks")"
  local titles
  titles=$(node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).map(t=>t.title).sort().join(",")))' <"$work/body")
  check "the list holds all three tasks" "from a JWT,from a cookie,from a session" "$titles"
  check "session cookie: another user's tasks" 403 "$(status -H "cookie: better-auth.session_token=$cookie" \
    "$api/api/someone-else/tasks")"
  check "no credential" 401 "$(status "$tasks")"

  # Signing out through Better Auth ends the session for the API too, within AUTH_SESSION_CACHE (2 s here).
  check "Better Auth POST /api/auth/sign-out" 200 "$(status -b "$dir/cookies" -H "origin: $fe" -H "content-type: application/json" -d "{}" "$fe/api/auth/sign-out")"
  local code i
  for ((i = 0; i < 40; i++)); do
    code=$(status -H "authorization: Bearer $session_token" "$tasks")
    [[ $code == 401 ]] && break
    sleep 0.25
  done
  check "the signed-out session token, within 10 s" 401 "$code"

  if [[ $mode_failed != 0 ]]; then
    log "   Todo API log (last lines):"; tail -n 20 "$dir/api.log" | sed 's/^/   | /'
  fi
  kill "$api_pid" 2>/dev/null || true
  kill -- "-$fe_pid" 2>/dev/null || true
  wait "$api_pid" "$fe_pid" 2>/dev/null || true
  return "$mode_failed"
}

after_setup=$(date +%s)
(cd "$here" && BETTER_AUTH_URL=http://127.0.0.1 node migrate.mjs) || { log "FAIL Better Auth's migration"; exit 1; }
for mode in $modes; do
  t0=$(date +%s)
  if run_mode "$mode"; then verdict[$mode]=PASS; else verdict[$mode]=FAIL; fi
  verdict[$mode]="${verdict[$mode]} next $mode ($(($(date +%s) - t0)) s)"
done

log ""
for mode in $modes; do log "${verdict[$mode]}"; done
log "nextjs interop: $passed passed, $failed failed"
log "time: $(($(date +%s) - after_setup)) s for the checks, $(($(date +%s) - started)) s in all"
exit $((failed > 0 ? 1 : 0))
