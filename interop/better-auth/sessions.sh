#!/usr/bin/env bash
# Proves that the Todo API accepts Better Auth SESSION tokens from a real
# Better Auth server (npm better-auth, bearer() and admin() plugins, no jwt()),
# and follows what Better Auth says about them: bans, sign-out, outages.
#
# Starts session-server.mjs, signs users up and in through Better Auth's own
# endpoints, starts the Todo API with BETTER_AUTH_URL / BETTER_AUTH_SECRET /
# AUTH_SESSION_CACHE=2s, then asserts with curl, one PASS/FAIL line per check.
#
#   interop/better-auth/sessions.sh                    # npm ci, build the jar, run
#   TODO_SKIP_BUILD=1 interop/better-auth/sessions.sh  # reuse bootstrap/target/todo-api.jar
#   TODO_JAR=/elsewhere/todo-api.jar TODO_SKIP_BUILD=1 interop/better-auth/sessions.sh
#
# Only 127.0.0.1 ports are used; every process started here is stopped on
# exit, and the temporary folder is removed. Exit status 1 when any check fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
jar=${TODO_JAR:-"$repo/bootstrap/target/todo-api.jar"}
cache_window=2 # AUTH_SESSION_CACHE, in seconds
started=$(date +%s)

work=$(mktemp -d "${TMPDIR:-/tmp}/ba-sessions.XXXXXX")
# shellcheck source=common.sh
source "$here/common.sh"
after_setup=$(date +%s)

# ---------------------------------------------------------------- checks
passed=0
failed=0

# check NAME EXPECTED ACTUAL: one assertion; EXPECTED may list alternatives as a|b
check() {
  local name=$1 want=$2 got=$3
  if [[ "|$want|" == *"|$got|"* ]]; then
    log "PASS $name -> $got"
    passed=$((passed + 1))
  else
    log "FAIL $name -> $got (expected $want)"
    failed=$((failed + 1))
  fi
}

# status ARGS...: the HTTP status of one curl request (000 when none came back)
status() {
  curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 10 "$@" || true
}

# poll_until WANT SECONDS ARGS...: repeats the request until its status is one
# of WANT (a|b), at most SECONDS; prints "<status> <elapsed ms>"
poll_until() {
  local want=$1 secs=$2 code t0
  shift 2
  t0=$(date +%s%N)
  while :; do
    code=$(status "$@")
    [[ "|$want|" == *"|$code|"* ]] && break
    (($(date +%s%N) - t0 >= secs * 1000000000)) && break
    sleep 0.25
  done
  printf '%s %s\n' "$code" $((($(date +%s%N) - t0) / 1000000))
}

header() { tr -d '\r' <"$work/headers" | sed -n "s/^$1: //Ip" | head -n1; }

ba_port=$(tool free-port)
api_port=$(tool free-port)
while [[ $api_port == "$ba_port" ]]; do api_port=$(tool free-port); done
fe_port=$(tool free-port) # the frontend origin; nothing needs to listen there
while [[ $fe_port == "$ba_port" || $fe_port == "$api_port" ]]; do fe_port=$(tool free-port); done
ba="http://127.0.0.1:$ba_port" api="http://127.0.0.1:$api_port" frontend="http://127.0.0.1:$fe_port"
foreign="http://127.0.0.1:1"

# One secret for both, as a frontend and its API share it. Exported for
# jwt-tool (hs256, session-sign), never put on a command line.
BETTER_AUTH_SECRET=$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))')
export BETTER_AUTH_SECRET
password="correct-horse-battery-staple"
admin_email="bea.admin.$RANDOM@example.com"

log ""
log "== Better Auth (session tokens: bearer + admin plugins) on $ba, frontend origin $frontend"
PORT=$ba_port FRONTEND_ORIGIN=$frontend ADMIN_EMAIL=$admin_email ADMIN_PASSWORD=$password ADMIN_NAME="Bea Admin" \
  node "$here/session-server.mjs" >"$work/ba.log" 2>&1 &
ba_pid=$!
pids+=("$ba_pid")
if ! wait_http "$ba/api/auth/ok" 30 "$ba_pid"; then
  log "Better Auth did not come up; its log:"; sed 's/^/   | /' "$work/ba.log"
  exit 1
fi

# auth PATH JSON [ARGS...]: POST to Better Auth as the frontend's browser does
# (its Origin); status in $code, headers in $work/headers, body in $work/body
auth() {
  local path=$1 json=$2
  shift 2
  code=$(status -H 'content-type: application/json' -H "origin: $frontend" "$@" -d "$json" "$ba/api/auth/$path")
}

# sign_in EMAIL PREFIX: signs in; sets PREFIX_token (set-auth-token, signed),
# PREFIX_cookie (name=value from Set-Cookie, as the browser sends it back) and PREFIX_id
sign_in() {
  local email=$1 prefix=$2 tok cookie id
  auth sign-in/email "{\"email\":\"$email\",\"password\":\"$password\"}"
  check "Better Auth POST /api/auth/sign-in/email ($prefix)" 200 "$code"
  tok=$(header set-auth-token)
  cookie=$(tr -d '\r' <"$work/headers" | sed -n 's/^set-cookie: \(better-auth\.session_token=[^;]*\).*/\1/Ip' | head -n1)
  id=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0,"utf8")).user.id)' <"$work/body" 2>/dev/null || true)
  printf -v "${prefix}_token" '%s' "$tok"
  printf -v "${prefix}_cookie" '%s' "$cookie"
  printf -v "${prefix}_id" '%s' "$id"
}

# sign_up EMAIL NAME: a new user through Better Auth
sign_up() {
  auth sign-up/email "{\"email\":\"$1\",\"password\":\"$password\",\"name\":\"$2\"}"
  check "Better Auth POST /api/auth/sign-up/email ($2)" 200 "$code"
}

a_email="ada.$RANDOM@example.com"
sign_up "$a_email" "Ada"
sign_in "$a_email" a
sign_in "$admin_email" b
if [[ -z ${a_token:-} || -z ${a_cookie:-} || -z ${b_token:-} ]]; then
  log "FAIL Better Auth gave no set-auth-token header or session cookie; its log:"; sed 's/^/   | /' "$work/ba.log"
  exit 1
fi
a_raw=${a_token%%.*}
log "   A = $a_id: set-auth-token ${a_raw:0:6}….<${#a_token} chars in all>, cookie ${a_cookie%%=*}=<URL-encoded>"
log "   B = $b_id (role admin, created with the admin plugin's createUser)"

log ""
log "== the Todo API on $api (BETTER_AUTH_URL=$ba, AUTH_SESSION_CACHE=${cache_window}s, CORS_ORIGINS=$frontend)"
mkdir -p "$work/data"
# A clean environment: the embedded database, Better Auth sessions and the shared secret only.
env -u DATABASE_URL -u AUTH_JWKS_URL -u AUTH_ISSUER -u AUTH_AUDIENCE -u BETTER_AUTH_BASE_PATH \
  HOST=127.0.0.1 PORT="$api_port" DATA_DIR="$work/data" \
  BETTER_AUTH_URL="$ba" AUTH_SESSION_CACHE="${cache_window}s" CORS_ORIGINS="$frontend" \
  java -jar "$jar" >"$work/api.log" 2>&1 &
api_pid=$!
pids+=("$api_pid")
if ! wait_http "$api/health/ready" 60 "$api_pid"; then
  log "the Todo API did not become ready; its log:"; tail -n 40 "$work/api.log" | sed 's/^/   | /'
  exit 1
fi
log "   $(grep -m1 'listening on' "$work/api.log" | sed 's/^.*Todo API/Todo API/' || true)"

# ba_calls: calls the Todo API has made to Better Auth so far (from /metrics)
ba_calls() { curl -s --max-time 10 "$api/metrics" | tool metric auth_better_auth_requests_seconds_count; }

log ""
log "== bearer: the signed token as Better Auth's set-auth-token gives it"
title="session task $RANDOM"
code=$(status -H "authorization: Bearer $a_token" -H 'content-type: application/json' \
  -d "{\"title\":\"$title\"}" "$api/api/$a_id/tasks")
check "POST /api/<A>/tasks" 201 "$code"
code=$(status -H "authorization: Bearer $a_token" "$api/api/$a_id/tasks")
check "GET /api/<A>/tasks" 200 "$code"
if tool tasks-has "$title" <"$work/body" 2>/dev/null; then has=yes; else has=no; fi
check "the list holds the task just created" yes "$has"
code=$(status -H "authorization: Bearer $a_token" "$api/api/$b_id/tasks")
check "GET /api/<B>/tasks with A's token" 403 "$code"
code=$(status "$api/api/$a_id/tasks")
check "no token" 401 "$code"
www=$(header www-authenticate)
check "no token: WWW-Authenticate starts with Bearer" yes "$([[ $www == Bearer* ]] && echo yes || echo "no ($www)")"

log ""
log "== bearer: the raw token and the URL-encoded signed token"
check "the raw token is 32 characters" 32 "${#a_raw}"
code=$(status -H "authorization: Bearer $a_raw" "$api/api/$a_id/tasks")
check "GET /api/<A>/tasks with the raw token" 200 "$code"
code=$(status -H "authorization: Bearer ${a_cookie#*=}" "$api/api/$a_id/tasks")
check "GET /api/<A>/tasks with the URL-encoded signed token" 200 "$code"

log ""
log "== cookie, as the browser sends it back"
code=$(status -H "cookie: $a_cookie" -H "origin: $frontend" "$api/api/$a_id/tasks")
check "GET /api/<A>/tasks with the cookie (Origin allowed)" 200 "$code"
code=$(status -H "cookie: $a_cookie" -H 'content-type: application/json' -d '{"title":"no origin"}' "$api/api/$a_id/tasks")
check "cookie-only POST without Origin" 403 "$code"
code=$(status -H "cookie: $a_cookie" -H "origin: $frontend" -H 'content-type: application/json' \
  -d '{"title":"from the frontend"}' "$api/api/$a_id/tasks")
check "cookie-only POST with the allowed Origin" 201 "$code"
code=$(status -H "cookie: $a_cookie" -H "origin: $foreign" -H 'content-type: application/json' \
  -d '{"title":"from elsewhere"}' "$api/api/$a_id/tasks")
check "cookie-only POST with a foreign Origin" 403 "$code"

log ""
log "== forged and unknown tokens"
# A well-formed signature made with another secret: refused locally.
wrong_sig=$(BETTER_AUTH_SECRET="not-the-secret-$RANDOM-$RANDOM-$RANDOM-$RANDOM" tool session-sign "$a_raw")
before=$(ba_calls)
code=$(status -H "authorization: Bearer $wrong_sig" "$api/api/$a_id/tasks")
check "token.<wrong signature>" 401 "$code"
www=$(header www-authenticate)
check "token.<wrong signature>: WWW-Authenticate starts with Bearer" yes "$([[ $www == Bearer* ]] && echo yes || echo "no ($www)")"
code=$(status -H "cookie: better-auth.session_token=$(node -p 'encodeURIComponent(process.argv[1])' "$wrong_sig")" \
  -H "origin: $frontend" "$api/api/$a_id/tasks")
check "cookie with a wrong signature" 401 "$code"
after=$(ba_calls)
check "Better Auth was not asked about the forged tokens (calls before -> after)" "$before" "$after"
# Correctly signed but unknown to Better Auth: the service must ask, and refuse.
unknown=$(tool session-sign "$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("base64url"))')")
code=$(status -H "authorization: Bearer $unknown" "$api/api/$a_id/tasks")
check "a correctly signed token Better Auth does not know" 401 "$code"
check "... and for that one Better Auth was asked (calls)" $((after + 1)) "$(ba_calls)"

log ""
log "== B bans A through the admin plugin"
# Warm the cache with A's token, so the window is really exercised.
code=$(status -H "authorization: Bearer $a_token" "$api/api/$a_id/tasks")
check "GET /api/<A>/tasks before the ban" 200 "$code"
auth admin/ban-user "{\"userId\":\"$a_id\",\"banReason\":\"interop check\"}" -H "authorization: Bearer $b_token"
check "Better Auth POST /api/auth/admin/ban-user (B's bearer token)" 200 "$code"
code=$(status -H "authorization: Bearer $a_token" "$ba/api/auth/get-session")
check "Better Auth get-session for A's token after the ban: null (ban-user deletes the user's sessions)" null "$(cat "$work/body")"
# Better Auth 1.7.25 deletes a banned user's sessions, so get-session knows the
# token no more: the service refuses it as unknown (401). 403 would mean it
# learnt of the ban some other way; both keep A out.
read -r code ms < <(poll_until "401|403" 10 -H "authorization: Bearer $a_token" "$api/api/$a_id/tasks")
check "A's token refused after the ban (within 10 s; took ${ms} ms)" "401|403" "$code"
auth sign-in/email "{\"email\":\"$a_email\",\"password\":\"$password\"}"
check "Better Auth refuses A's sign-in while banned" 403 "$code"
auth admin/unban-user "{\"userId\":\"$a_id\"}" -H "authorization: Bearer $b_token"
check "Better Auth POST /api/auth/admin/unban-user" 200 "$code"
sign_in "$a_email" a
code=$(status -H "authorization: Bearer $a_token" "$api/api/$a_id/tasks")
check "GET /api/<A>/tasks with A's new token after the unban" 200 "$code"

log ""
log "== C signs out through Better Auth"
c_email="cy.$RANDOM@example.com"
sign_up "$c_email" "Cy"
sign_in "$c_email" c
code=$(status -H "authorization: Bearer $c_token" "$api/api/$c_id/tasks")
check "GET /api/<C>/tasks before sign-out" 200 "$code"
code=$(status -H "cookie: $c_cookie" -H "origin: $frontend" "$api/api/$c_id/tasks")
check "GET /api/<C>/tasks with C's cookie before sign-out" 200 "$code"
auth sign-out '{}' -H "authorization: Bearer $c_token"
check "Better Auth POST /api/auth/sign-out (C's bearer token)" 200 "$code"
read -r code ms < <(poll_until 401 10 -H "authorization: Bearer $c_token" "$api/api/$c_id/tasks")
check "C's token refused after sign-out (within 10 s; took ${ms} ms)" 401 "$code"
read -r code ms < <(poll_until 401 10 -H "cookie: $c_cookie" -H "origin: $frontend" "$api/api/$c_id/tasks")
check "C's cookie refused after sign-out (took ${ms} ms)" 401 "$code"

log ""
log "== Better Auth stops"
kill "$ba_pid" 2>/dev/null || true
for _ in $(seq 50); do kill -0 "$ba_pid" 2>/dev/null || break; sleep 0.1; done
kill -9 "$ba_pid" 2>/dev/null || true
down=$(status --max-time 2 "$ba/api/auth/ok")
check "Better Auth no longer answers" 000 "$down"
# B's token was never shown to the service, so no cached answer can hide the outage.
code=$(status -H "authorization: Bearer $b_token" "$api/api/$b_id/tasks")
check "a session token while Better Auth is down" 503 "$code"
retry=$(header retry-after)
check "... with a Retry-After header" yes "$([[ -n $retry ]] && echo yes || echo no)"
if [[ -n $retry ]]; then log "   Retry-After: $retry"; fi
# A's current token was confirmed before the outage: once its cached answer
# has expired, it must get 503 too (not a stale 200, not a 401).
sleep $((cache_window + 1))
code=$(status -H "authorization: Bearer $a_token" "$api/api/$a_id/tasks")
check "a session token whose cached answer has expired, Better Auth down" 503 "$code"
# The secret is here to check session cookies, not to sign tokens: an HS256 token naming A is refused (shared-
# secret tokens are off unless AUTH_SHARED_SECRET_TOKENS=true, and even then never speak for Better Auth's users).
hs=$(tool hs256 "$a_id" 900)
code=$(status -H "authorization: Bearer $hs" "$api/api/$a_id/tasks")
check "an HS256 token signed with BETTER_AUTH_SECRET naming A (a Better Auth user)" 401 "$code"

log ""
metrics=$(curl -s --max-time 10 "$api/metrics" || true)
log "   metrics: $(grep -E '^auth_session_verifications_total' <<<"$metrics" | tr '\n' ' ' || true)"
log "   metrics: Better Auth calls = $(tool metric auth_better_auth_requests_seconds_count <<<"$metrics")"
if ((failed > 0)); then
  log "   Todo API log (last lines):"; tail -n 20 "$work/api.log" | sed 's/^/   | /'
fi

ended=$(date +%s)
ba_version=$(node -p "require('$here/node_modules/better-auth/package.json').version")
log ""
if ((failed == 0)); then
  log "PASS sessions: $passed checks (better-auth $ba_version, bearer + admin plugins, $((ended - after_setup)) s)"
else
  log "FAIL sessions: $failed of $((passed + failed)) checks failed (better-auth $ba_version)"
fi
log "time: $((ended - after_setup)) s for the checks, $((ended - started)) s in all"
exit $((failed > 0 ? 1 : 0))
