# Shared by bench/load.sh and bench/streams.sh: wrk, a fresh database, USERS shared-secret tokens, and the
# service launched as bin/run launches it (its JVM options, the AOT cache) on that database, ready.
# Needs DB, PORT and USERS set; sets work (a temporary directory, removed at exit) and pid (the service).
# shellcheck shell=bash
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

command -v wrk >/dev/null || { [[ $(id -u) == 0 ]] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v wrk >/dev/null || { echo "bench: wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }

ulimit -n 65536 2>/dev/null || true # wrk holds a socket per connection
work=$(mktemp -d)
pid=""
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null; [[ -n ${KEEP_LOG:-} ]] && cp "$work/server.log" "$KEEP_LOG"; rm -rf "$work"; }
trap cleanup EXIT

if [[ ${TODO_SKIP_BUILD:-0} != 1 ]]; then
  ./mvnw -q -B -ntp -DskipTests -pl bootstrap -am package
fi
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
java bench/BenchTokens.java make "$work" "$USERS" >/dev/null

# shellcheck source=bin/jvm-options.sh
. bin/jvm-options.sh
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${DB}_training" -c "CREATE DATABASE ${DB}_training"
DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/${DB}_training?user=$PGUSER" todo_jvm_options bootstrap/target/todo-api.jar
env PORT="$PORT" DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" BETTER_AUTH_SECRET="$(cat "$work/secret")" \
  java "${todo_jvm[@]}" -jar bootstrap/target/todo-api.jar >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { tail -20 "$work/server.log"; exit 1; }
  sleep 0.05
done
