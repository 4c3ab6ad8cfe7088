#!/usr/bin/env bash
# Proves that the Todo API accepts JWTs issued by a real Better Auth server
# (npm better-auth + its jwt() plugin), for each key pair algorithm a frontend
# may configure: EdDSA (the plugin's default), ES256 and RS256.
#
# For each algorithm: start issuer.mjs, sign up a user and fetch the JWT the
# way a frontend does, start the Todo API pointed at the issuer's JWKS with
# AUTH_ISSUER/AUTH_AUDIENCE taken from the token, then assert with curl.
#
#   interop/better-auth/run.sh                 # npm ci, build the jar, run all
#   TODO_SKIP_BUILD=1 interop/better-auth/run.sh   # reuse bootstrap/target/todo-api.jar
#   ALGS="ES256" interop/better-auth/run.sh    # a subset
#   ALGS="ES512 PS256" interop/better-auth/run.sh  # the plugin's other key pair algorithms
#
# Only 127.0.0.1 ports are used; every process started here is stopped on exit.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
algs=${ALGS:-"EdDSA ES256 RS256"}
jar="$repo/bootstrap/target/todo-api.jar"
started=$(date +%s)

work=$(mktemp -d "${TMPDIR:-/tmp}/ba-interop.XXXXXX")
# shellcheck source=common.sh
source "$here/common.sh"
after_setup=$(date +%s)

# ---------------------------------------------------------------- one algorithm
failures=0
declare -A verdict

# check NAME EXPECTED ACTUAL: records one assertion
check() {
  local name=$1 want=$2 got=$3
  if [[ $want == "$got" ]]; then
    log "   ok   $name -> $got"
  else
    log "   FAIL $name -> $got (expected $want)"
    alg_failed=1
  fi
}

run_alg() {
  local alg=$1
  local dir="$work/$alg"
  mkdir -p "$dir/data"
  alg_failed=0

  local ba_port api_port
  ba_port=$(tool free-port)
  api_port=$(tool free-port)
  while [[ $api_port == "$ba_port" ]]; do api_port=$(tool free-port); done
  local ba="http://127.0.0.1:$ba_port" api="http://127.0.0.1:$api_port"

  log ""
  log "== $alg: Better Auth issuer on $ba"
  PORT=$ba_port JWT_ALG=$alg node "$here/issuer.mjs" >"$dir/issuer.log" 2>&1 &
  local ba_pid=$!
  pids+=("$ba_pid")
  if ! wait_http "$ba/api/auth/ok" 30 "$ba_pid"; then
    log "   issuer did not come up; its log:"; sed 's/^/   | /' "$dir/issuer.log"
    return 1
  fi

  # A frontend signs the user up (session cookie), then asks for the JWT.
  local email="ada.$alg.$RANDOM@example.com" code
  code=$(curl -s -o "$dir/signup.json" -w '%{http_code}' --max-time 10 -c "$dir/cookies" \
    -H 'content-type: application/json' -H "origin: $ba" \
    -d "{\"email\":\"$email\",\"password\":\"correct-horse-battery-staple\",\"name\":\"Ada $alg\"}" \
    "$ba/api/auth/sign-up/email")
  check "Better Auth POST /api/auth/sign-up/email" 200 "$code"
  local token
  token=$(curl -s --max-time 10 -b "$dir/cookies" "$ba/api/auth/token" | tool json token) || {
    log "   FAIL no token from GET /api/auth/token"; return 1; }
  # The other documented way: the set-auth-jwt header of get-session.
  local header_token
  header_token=$(curl -s -D - -o /dev/null --max-time 10 -b "$dir/cookies" "$ba/api/auth/get-session" |
    tr -d '\r' | sed -n 's/^set-auth-jwt: //Ip' | head -n1)

  log "   token from GET /api/auth/token:"
  tool show "$token" | sed 's/^/     /'
  log "   JWKS at $ba/api/auth/jwks:"
  curl -s --max-time 10 "$ba/api/auth/jwks" | tool jwks | sed 's/^/     /'

  local sub iss aud
  sub=$(tool claim "$token" sub)
  iss=$(tool claim "$token" iss)
  aud=$(tool claim "$token" aud)
  # aud is a plain string from Better Auth's defaults; were it an array, use its first entry
  [[ $aud == \[* ]] && aud=$(node -p "JSON.parse(process.argv[1])[0]" "$aud")

  log "== $alg: Todo API on $api (AUTH_ISSUER=$iss AUTH_AUDIENCE=$aud)"
  # A clean environment for the service: the embedded database, JWKS tokens only.
  env -u DATABASE_URL -u BETTER_AUTH_SECRET HOST=127.0.0.1 PORT="$api_port" DATA_DIR="$dir/data" \
    AUTH_JWKS_URL="$ba/api/auth/jwks" AUTH_ISSUER="$iss" AUTH_AUDIENCE="$aud" \
    java -jar "$jar" >"$dir/api.log" 2>&1 &
  local api_pid=$!
  pids+=("$api_pid")
  if ! wait_http "$api/health/ready" 60 "$api_pid"; then
    log "   the Todo API did not become ready; its log:"; tail -n 40 "$dir/api.log" | sed 's/^/   | /'
    return 1
  fi

  log "   $(grep -m1 'listening on' "$dir/api.log" | sed 's/^.*Todo API/Todo API/' || true)"

  local title="interop $alg $RANDOM" body="$dir/body.json"
  code=$(curl -s -o "$body" -w '%{http_code}' --max-time 10 -H "authorization: Bearer $token" \
    -H 'content-type: application/json' -d "{\"title\":\"$title\",\"priority\":\"high\"}" \
    "$api/api/$sub/tasks")
  check "POST /api/<sub>/tasks" 201 "$code"
  [[ $code == 201 ]] || sed 's/^/     body: /' "$body"

  code=$(curl -s -o "$body" -w '%{http_code}' --max-time 10 -H "authorization: Bearer $token" "$api/api/$sub/tasks")
  check "GET /api/<sub>/tasks" 200 "$code"
  if tool tasks-has "$title" <"$body" 2>/dev/null; then
    log "   ok   the list holds the task just created"
  else
    log "   FAIL the list does not hold the task just created"; sed 's/^/     body: /' "$body"; alg_failed=1
  fi

  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "authorization: Bearer $token" "$api/api/someone-else/tasks")
  check "GET /api/someone-else/tasks" 403 "$code"

  local forged
  forged=$(tool tamper "$token" someone-else)
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "authorization: Bearer $forged" "$api/api/someone-else/tasks")
  check "tampered token (sub changed, signature kept)" 401 "$code"

  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$api/api/$sub/tasks")
  check "no token" 401 "$code"

  if [[ -n $header_token ]]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "authorization: Bearer $header_token" "$api/api/$sub/tasks")
    check "token from the set-auth-jwt header of get-session" 200 "$code"
  else
    log "   FAIL get-session sent no set-auth-jwt header"; alg_failed=1
  fi

  if [[ $alg_failed != 0 ]]; then
    log "   Todo API log (last lines):"; tail -n 20 "$dir/api.log" | sed 's/^/   | /'
  fi

  kill "$api_pid" "$ba_pid" 2>/dev/null || true
  return "$alg_failed"
}

declare -A seconds
for alg in $algs; do
  t0=$(date +%s)
  if run_alg "$alg"; then verdict[$alg]=PASS; else verdict[$alg]=FAIL; failures=$((failures + 1)); fi
  seconds[$alg]=$(($(date +%s) - t0))
done

ended=$(date +%s)
ba_version=$(node -p "require('$here/node_modules/better-auth/package.json').version")
log ""
for alg in $algs; do
  log "${verdict[$alg]} $alg (better-auth $ba_version, jwt key pair $alg, ${seconds[$alg]} s)"
done
log "time: $((ended - after_setup)) s for the checks, $((ended - started)) s in all"
exit $((failures > 0 ? 1 : 0))
