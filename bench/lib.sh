# Shared by bench/run.sh and bench/soak.sh: tools, a fresh database, tokens, the service, seed data.
# shellcheck shell=bash
WARMUP=${WARMUP:-15}
export JAVA_OPTS
CONNECTIONS=${CONNECTIONS:-64}
USERS=${USERS:-50}
# The measured users are a few among many: the anchor's list and the service's run on a big table.
BACKGROUND_TASKS=${BACKGROUND_TASKS:-300000}
# PostgreSQL at its best for the anchor: prepared statements, as many clients as the service's pool.
PG_CLIENTS=${PG_CLIENTS:-16}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-todo_bench}
PORT=${BENCH_PORT:-18080}
JWKS_PORT=${BENCH_JWKS_PORT:-18081}
export PGHOST PGPORT PGUSER

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing $2 from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is missing; install the Debian package $2" >&2; exit 1; }
}
need wrk wrk
need pgbench postgresql-contrib
need psql postgresql-client
need curl curl

work=$(mktemp -d)
server_pid=""
jwks_pid=""
cleanup() {
  set +e
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    [[ -n ${KEEP_LOG:-} ]] && cp "$work/server.log" "$KEEP_LOG"
  fi
  [[ -n $jwks_pid ]] && kill "$jwks_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "bench: building the service" >&2
./mvnw -q -B -ntp -DskipTests -pl bootstrap -am package

echo "bench: fresh database $DB" >&2
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

# Users bench-0..USERS-1 are read (20 tasks each); the next USERS users are the writers.
java bench/BenchTokens.java make "$work" "$((2 * USERS))"
java bench/BenchTokens.java serve "$work" "$JWKS_PORT" &
jwks_pid=$!

# The options bin/run uses (heap, GC, the AOT cache, trained on a database of its own so that the measured
# start is the first one on the fresh bench database); JAVA_OPTS adds to them.
# shellcheck source=bin/jvm-options.sh
. bin/jvm-options.sh
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${DB}_training" -c "CREATE DATABASE ${DB}_training"
DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/${DB}_training?user=$PGUSER" todo_jvm_options bootstrap/target/todo-api.jar
# LAUNCH=package measures the production package instead (bin/package: its jlink runtime, options and cache,
# trained on the same training database); JAVA_OPTS reaches its launcher too.
if [[ ${LAUNCH:-bin-run} == package ]]; then
  DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/${DB}_training?user=$PGUSER" TODO_SKIP_BUILD=1 \
    bin/package "$work/package" >&2
  launcher=("$work/package/bin/todo-api")
else
  launcher=(java "${todo_jvm[@]}" -jar bootstrap/target/todo-api.jar)
fi
# start_service LOG PORT [VAR=VALUE…]: starts the service with those settings (and no DATABASE_URL unless
# given) and waits for the first 200 of /health/ready, polled every 20 ms for at most 30 s. Sets started_pid
# and ready_ms (launch to ready); when it does not get ready, prints the end of LOG and exits.
start_service() {
  local log=$1 port=$2 started
  shift 2
  started=$(date +%s%N)
  env -u DATABASE_URL PORT="$port" "$@" "${launcher[@]}" >"$log" 2>&1 &
  started_pid=$!
  for _ in $(seq 1 1500); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
      ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
      return 0
    fi
    kill -0 "$started_pid" 2>/dev/null || break
    sleep 0.02
  done
  kill "$started_pid" 2>/dev/null
  echo "bench: the service did not get ready; it said:" >&2
  tail -20 "$log" >&2
  exit 1
}
# launch_to_ready_ms PORT [VAR=VALUE…]: prints start_service's ready_ms, and stops the service.
launch_to_ready_ms() {
  start_service "$work/launch.log" "$@"
  kill "$started_pid"
  wait "$started_pid" 2>/dev/null || true
  echo "$ready_ms"
}
# Launch on a migrated PostgreSQL (the training start migrated its database) and on the embedded default (its
# first start migrates; the second is measured): the start-up goal, each the best of three.
best_of_three() {
  local best="" ms
  for _ in 1 2 3; do
    ms=$("$@") || return 1
    [[ -z $best || $ms -lt $best ]] && best=$ms
  done
  echo "$best"
}
launch_pg_ms=$(best_of_three launch_to_ready_ms "$((PORT + 2))" \
  DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/${DB}_training?user=$PGUSER")
launch_to_ready_ms "$((PORT + 2))" DATA_DIR="$work/embedded" >/dev/null
launch_h2_ms=$(best_of_three launch_to_ready_ms "$((PORT + 2))" DATA_DIR="$work/embedded")

# The measured service, on a fresh database (the migrations run in it): launch_ms is its launch to ready.
start_service "$work/server.log" "$PORT" DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" \
  BETTER_AUTH_SECRET="$(cat "$work/secret")" AUTH_JWKS_URL="http://127.0.0.1:$JWKS_PORT/jwks.json" AUTH_TOKEN_TTL=1h
server_pid=$started_pid
launch_ms=$ready_ms

echo "bench: seeding $USERS users x 20 tasks and ${SEED_BACKGROUND:-$BACKGROUND_TASKS} background tasks" >&2
mapfile -t hs_tokens <"$work/hs256.tokens"
mapfile -t ed_tokens <"$work/eddsa.tokens"
for ((u = 0; u < USERS; u++)); do
  for ((t = 0; t < 20; t++)); do
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/bench-$u/tasks" \
      -H "Authorization: Bearer ${hs_tokens[$u]}" -H 'Content-Type: application/json' \
      -d "{\"title\":\"Task $t of bench-$u\",\"priority\":\"medium\",\"tags\":[\"home\",\"t$((t % 3))\"]}"
    # The JWKS readers are users of their own (each source speaks only for the users it introduced).
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/jwks-bench-$u/tasks" \
      -H "Authorization: Bearer ${ed_tokens[$u]}" -H 'Content-Type: application/json' \
      -d "{\"title\":\"Task $t of jwks-bench-$u\",\"priority\":\"medium\",\"tags\":[\"home\",\"t$((t % 3))\"]}"
  done
done
# The service's own accounts (sign-up: at most 5 a minute from one address, so 5 of them), 20 tasks each:
# their EdDSA access tokens carry a session, checked on every request through the bounded cache.
OWN_USERS=5
: >"$work/own.tokens"
: >"$work/own.users"
for ((u = 0; u < OWN_USERS; u++)); do
  answer=$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/auth/sign-up" -H 'Content-Type: application/json' \
    -d "{\"email\":\"own-$u@bench.example.com\",\"password\":\"bench password $u\"}")
  own_token=$(grep -o '"token":"[^"]*"' <<<"$answer" | head -1 | cut -d'"' -f4)
  own_id=$(grep -o '"id":"[^"]*"' <<<"$answer" | head -1 | cut -d'"' -f4)
  [[ -n $own_token && -n $own_id ]] || { echo "bench: sign-up answered $answer" >&2; exit 1; }
  echo "$own_token" >>"$work/own.tokens"
  echo "$own_id" >>"$work/own.users"
  for ((t = 0; t < 20; t++)); do
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/$own_id/tasks" \
      -H "Authorization: Bearer $own_token" -H 'Content-Type: application/json' \
      -d "{\"title\":\"Task $t of $own_id\",\"priority\":\"medium\",\"tags\":[\"home\",\"t$((t % 3))\"]}"
  done
done
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
INSERT INTO users (id, email, name, role, disabled, created_at)
SELECT 'other-' || g, 'other-' || g || '@example.com', 'Other', 'user', false, now()
FROM generate_series(0, 99) g;
SQL
# grow_background TOTAL: the 100 other users' tasks (two tags each) up to TOTAL rows, then ANALYZE.
background_rows=0
grow_background() {
  local from=$((background_rows + 1)) to=$1
  (( to >= from )) || return 0
  echo "bench: background tasks $background_rows -> $to" >&2
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
WITH t AS (
  INSERT INTO tasks (user_id, title, completed, priority, created_at, updated_at, completed_at, version)
  SELECT 'other-' || (g % 100), 'Background ' || g, g % 2 = 0, 1 + g % 3, now() - g * interval '1 second',
         now(), CASE WHEN g % 2 = 0 THEN now() END, 1
  FROM generate_series($from, $to) g
  RETURNING id, user_id
)
INSERT INTO task_tags (task_id, user_id, tag, tag_index)
SELECT t.id, t.user_id, x.tag, (x.ord - 1)::smallint
FROM t, unnest(ARRAY['work', 'later']) WITH ORDINALITY AS x(tag, ord);
ANALYZE;
SQL
  background_rows=$to
}
grow_background "${SEED_BACKGROUND:-$BACKGROUND_TASKS}"

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
