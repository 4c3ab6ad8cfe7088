#!/usr/bin/env bash
# The benchmark: one command, on PostgreSQL, printing every figure with its ratio to pgbench.
#
#   bench/run.sh                 # 20 s per measurement after a 15 s warm-up of each path
#   DURATION=60 bench/run.sh
#   LAUNCH=package bench/run.sh  # the production package of bin/package instead of bin/run's launch
#
# It times launches (a migrated PostgreSQL, the embedded default, a fresh database), starts the service on
# its own fresh database, seeds USERS users with 20 tasks each (plus FLAT_SMALL rows of other users), times
# the list's median latency on one connection, grows the other users' rows to BACKGROUND_TASKS, then
# measures with wrk (2 threads, 64 connections):
#   list   GET 20 tasks with an HS256 token (BETTER_AUTH_SECRET)
#   eddsa  the same with an EdDSA token from a local JWKS (cached after first sight)
#   own    the same with the service's own access tokens (EdDSA, with a session that could be revoked)
#   create POST a task
# and, as the anchor, PostgreSQL at its best for the same work: pgbench -M prepared with as many clients
# as the service's pool (16) and 2 threads, running one statement that returns what the list route
# returns (the user's 20 newest tasks with their tags in order and the filtered total), and one that
# inserts a task with its two tags and returns the id and timestamps. Last, the other users' rows grow to
# FLAT_LARGE and the list's latency is timed again. Then it prints every goal of BENCHMARKS.md with whether
# this run met it.
# Needs: a JDK 21+, a PostgreSQL (BENCH_PG, default 127.0.0.1:5432 user postgres), wrk and pgbench
# (installed from Debian's packages when missing and we are root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bin/java-env.sh
. bin/java-env.sh

DURATION=${DURATION:-20}
# List latency as the table grows: measured with FLAT_SMALL background tasks, the main measurements on
# BACKGROUND_TASKS (lib.sh), then again with FLAT_LARGE.
FLAT_SMALL=${FLAT_SMALL:-10000}
FLAT_LARGE=${FLAT_LARGE:-1000000}
SEED_BACKGROUND=$FLAT_SMALL
# shellcheck source=bench/lib.sh
. bench/lib.sh


# wrk's latencies (812.00us, 1.20ms, 1.05s) in ms, for awk.
AWK_MS='function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }'

# wrk_run NAME MODE TOKENS: prints "rps p50_ms p99_ms non2xx". Writers use their own users, so the
# lists read stay at 20 tasks.
wrk_run() {
  local mode=$2 tokens=$3 out offset=0
  [[ $mode == create ]] && offset=$USERS
  out=$(MODE=$mode TOKENS_FILE=$tokens USERS_FILE=${4:-} USER_OFFSET=$offset USER_COUNT=$USERS wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s bench/wrk/bench.lua "http://127.0.0.1:$PORT")
  echo "$out" >"$work/wrk-$1.txt"
  awk "$AWK_MS"'
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad += $NF }
    /Socket errors/ { for (i = 1; i <= NF; i++) { v = $i; gsub(/,/, "", v); if (v ~ /^[0-9]+$/) bad += v } }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' <<<"$out"
}

# pgbench_run FILE: prints "tps" of PostgreSQL at its best for that statement (prepared, PG_CLIENTS clients),
# the better of its two plan cache modes: planned per execution when PostgreSQL so chooses, or one generic plan
# (what the service's connections use).
pgbench_run() {
  local mode best=0 tps
  for mode in auto force_generic_plan; do
    tps=$(PGOPTIONS="-c plan_cache_mode=$mode" pgbench -n -M prepared -c"$PG_CLIENTS" -j2 -T"$DURATION" \
      -D users="$USERS" -f "$1" "$DB" 2>/dev/null | awk '/^tps/ { printf "%.0f\n", $3; exit }')
    (( ${tps:-0} > best )) && best=$tps
  done
  echo "$best"
}

# One warm-up of every path first, so the JIT has compiled what each measurement runs.
echo "bench: warming up every path (${WARMUP}s each)" >&2
for spec in "list hs256" "list eddsa" "create hs256"; do
  read -r mode kind <<<"$spec"
  offset=0
  [[ $mode == create ]] && offset=$USERS
  users_file=""
  [[ $kind == eddsa ]] && users_file="$work/eddsa.users"
  MODE=$mode TOKENS_FILE="$work/$kind.tokens" USERS_FILE="$users_file" USER_OFFSET=$offset USER_COUNT=$USERS wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" \
    -s bench/wrk/bench.lua "http://127.0.0.1:$PORT" >/dev/null
done
MODE=list TOKENS_FILE="$work/own.tokens" USERS_FILE="$work/own.users" USER_OFFSET=0 USER_COUNT=0 wrk -t2 \
  -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/wrk/bench.lua "http://127.0.0.1:$PORT" >/dev/null
# list_latency_ms: the median latency of the HS256 list with one connection (no queueing), in ms.
list_latency_ms() {
  MODE=list TOKENS_FILE="$work/hs256.tokens" USER_OFFSET=0 USER_COUNT=$USERS wrk -t1 -c1 -d"${FLAT_DURATION:-10}s" \
    --latency -s bench/wrk/bench.lua "http://127.0.0.1:$PORT" \
    | awk "$AWK_MS"'
           /^ +50%/ { printf "%.3f\n", ms($2) }'
}
flat_small_ms=$(list_latency_ms)
grow_background "$BACKGROUND_TASKS"
echo "bench: measuring (${DURATION}s each, $CONNECTIONS connections)" >&2
read -r list_rps list_p50 list_p99 list_bad < <(wrk_run list list "$work/hs256.tokens")
read -r ed_rps ed_p50 ed_p99 ed_bad < <(wrk_run eddsa list "$work/eddsa.tokens" "$work/eddsa.users")
read -r own_rps own_p50 own_p99 own_bad < <(wrk_run own list "$work/own.tokens" "$work/own.users")
pg_list=$(pgbench_run bench/sql/list.sql)
read -r create_rps create_p50 create_p99 create_bad < <(wrk_run create create "$work/hs256.tokens")
pg_insert=$(pgbench_run bench/sql/insert.sql)
rss=$(rss_kib)
grow_background "$FLAT_LARGE"
flat_large_ms=$(list_latency_ms)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
echo
echo "| measurement | requests/s | ratio | p50 ms | p99 ms | p99/p50 | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf "| list 20, HS256 | %s | %s × pgbench list | %s | %s | %s | %s |\n" "$list_rps" "$(ratio "$list_rps" "$pg_list")" \
  "$list_p50" "$list_p99" "$(ratio "$list_p99" "$list_p50")" "$list_bad"
printf "| list 20, EdDSA (cached) | %s | %s × HS256 list | %s | %s | %s | %s |\n" "$ed_rps" "$(ratio "$ed_rps" "$list_rps")" \
  "$ed_p50" "$ed_p99" "$(ratio "$ed_p99" "$ed_p50")" "$ed_bad"
printf "| list 20, own account (EdDSA + session) | %s | %s × HS256 list | %s | %s | %s | %s |\n" "$own_rps" \
  "$(ratio "$own_rps" "$list_rps")" "$own_p50" "$own_p99" "$(ratio "$own_p99" "$own_p50")" "$own_bad"
printf "| create | %s | %s × pgbench insert | %s | %s | %s | %s |\n" "$create_rps" "$(ratio "$create_rps" "$pg_insert")" \
  "$create_p50" "$create_p99" "$(ratio "$create_p99" "$create_p50")" "$create_bad"
printf "| pgbench list (prepared, %s clients) | %s | 1.00 | | | | |\n" "$PG_CLIENTS" "$pg_list"
printf "| pgbench task + 2 tags (prepared, %s clients) | %s | 1.00 | | | | |\n" "$PG_CLIENTS" "$pg_insert"
echo
echo "server RSS after the run: $((rss / 1024)) MiB; launch to ready: ${launch_pg_ms} ms on a migrated PostgreSQL," \
  "${launch_h2_ms} ms on the embedded default, ${launch_ms} ms on a fresh database; launched as ${LAUNCH:-bin-run}; $(nproc) cores; $(java -version 2>&1 | head -1)"

# The goals, each with this run's figure and whether it is met.
met() { awk -v v="$1" -v op="$2" -v g="$3" 'BEGIN { ok = (op == ">=") ? (v >= g) : (v <= g); print (ok ? "met" : "NOT met") }'; }
list_ratio=$(ratio "$list_rps" "$pg_list"); create_ratio=$(ratio "$create_rps" "$pg_insert"); ed_ratio=$(ratio "$ed_rps" "$list_rps")
worst_tail=$(awk -v a="$(ratio "$list_p99" "$list_p50")" -v b="$(ratio "$ed_p99" "$ed_p50")" -v c="$(ratio "$create_p99" "$create_p50")" \
  'BEGIN { m = a; if (b > m) m = b; if (c > m) m = c; print m }')
bad=$((list_bad + ed_bad + own_bad + create_bad))
own_ratio=$(ratio "$own_rps" "$list_rps")
echo
echo "| goal | this run | target | |"
echo "|---|---:|---:|---|"
echo "| list (HS256) / pgbench list | $list_ratio | ≥ 0.5 | $(met "$list_ratio" ">=" 0.5) |"
echo "| create / pgbench task + 2 tags | $create_ratio | ≥ 0.5 | $(met "$create_ratio" ">=" 0.5) |"
echo "| list, cached EdDSA / HS256 list | $ed_ratio | ≥ 0.95 | $(met "$ed_ratio" ">=" 0.95) |"
echo "| list, own tokens / HS256 list (within noise) | $own_ratio | ≥ 0.95 | $(met "$own_ratio" ">=" 0.95) |"
echo "| worst p99 / p50 | $worst_tail | ≤ 3 | $(met "$worst_tail" "<=" 3) |"
echo "| non-2xx and socket errors | $bad | 0 | $(met "$bad" "<=" 0) |"
echo "| RSS after the run (MiB) | $((rss / 1024)) | ≤ 160 | $(met "$((rss / 1024))" "<=" 160) |"
echo "| launch to first 200 of /health/ready (ms, migrated PostgreSQL, best of 3) | $launch_pg_ms | ≤ 1000 | $(met "$launch_pg_ms" "<=" 1000) |"
echo "| launch to first 200 of /health/ready (ms, embedded default, best of 3) | $launch_h2_ms | ≤ 1000 | $(met "$launch_h2_ms" "<=" 1000) |"
echo "| launch to first 200 of /health/ready (ms, fresh PostgreSQL: migrations run) | $launch_ms | | for information |"
flat_ratio=$(ratio "$flat_large_ms" "$flat_small_ms")
echo "| list latency, $FLAT_LARGE / $FLAT_SMALL background tasks (p50, one connection: $flat_large_ms / $flat_small_ms ms) | $flat_ratio | ≤ 1.1 | $(met "$flat_ratio" "<=" 1.1) |"
