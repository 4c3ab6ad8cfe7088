#!/usr/bin/env bash
# The seeds' headline load (BENCHMARKS.md): 10,000 users with shared-secret tokens, every request
# from a random one of them, 80 % GET .../tasks and 20 % POST .../tasks, against the service launched as bin/run
# launches it on PostgreSQL; wrk on the same cores. Steps: 64 connections, then 1,000, then 1,000 connections
# all for one hot user. Prints req/s and p50/p95/p99 per step, then the verdicts:
#   - at 1,000 connections at least 90 % of the requests per second at 64;
#   - 1,000 connections over 10,000 users: p95 under 200 ms (goal 100 ms), no non-2xx, no socket error;
#   - one hot user at 1,000 connections: no non-2xx.
# Figures, not a test: it exits 0 whatever they are (1 only when it cannot run).
#
#   bench/load.sh                  # DURATION=60 s per step (the seeds' figure is 60 s)
#   DURATION=20 bench/load.sh      # a quicker look
#   TODO_SKIP_BUILD=1 bench/load.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bin/java-env.sh
. bin/java-env.sh >/dev/null

DURATION=${DURATION:-60}
# The JIT needs about 45 s of this load to settle: a shorter warm-up measures the first step while C2 still
# compiles, which understates it (and overstates the 1,000-connection step after it).
WARMUP=${WARMUP:-60}
USERS=${USERS:-10000}
PORT=${BENCH_PORT:-18090}
DB=${BENCH_DB:-todo_load}
# shellcheck source=bench/service.sh
. bench/service.sh

# step NAME CONNECTIONS USER_COUNT SECONDS: one wrk run of the 80/20 mix; prints its REPORT line.
step() {
  MODE=mixed REPORT=1 TOKENS_FILE="$work/hs256.tokens" USER_OFFSET=0 USER_COUNT="$3" \
    wrk -t2 -c"$2" -d"$4s" --timeout 10s -s bench/wrk/bench.lua "http://127.0.0.1:$PORT" | grep '^REPORT' \
    | sed "s/^REPORT/$1/"
}
echo "load: warming up ($WARMUP s), each of the $USERS users provisioned by its first request" >&2
step warmup 64 "$USERS" "$WARMUP" >/dev/null
r64=$(step c64 64 "$USERS" "$DURATION")
r1000=$(step c1000 1000 "$USERS" "$DURATION")
rhot=$(step hot1000 1000 1 "$DURATION")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

field() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }
met() { awk -v a="$1" -v b="$3" "BEGIN { exit !(a $2 b) }" && echo met || echo "NOT met"; }
echo
echo "| step | connections | users | req/s | p50 ms | p95 ms | p99 ms | non-2xx | socket errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in "$r64" "$r1000" "$rhot"; do
  name=${r%% *}
  case $name in c64) c=64 u=$USERS ;; c1000) c=1000 u=$USERS ;; *) c=1000 u=1 ;; esac
  echo "| $name | $c | $u | $(field "$r" rps) | $(field "$r" p50_ms) | $(field "$r" p95_ms) | $(field "$r" p99_ms) | $(field "$r" non2xx) | $(field "$r" socket_errors) |"
done
ratio=$(awk -v a="$(field "$r1000" rps)" -v b="$(field "$r64" rps)" 'BEGIN { printf "%.2f", a / b }')
echo
echo "| goal | figure | target | |"
echo "|---|---:|---:|---|"
echo "| req/s at 1,000 / at 64 connections | $ratio | ≥ 0.9 | $(met "$ratio" ">=" 0.9) |"
echo "| p95 at 1,000 connections, 10,000 users | $(field "$r1000" p95_ms) ms | < 200 ms (goal < 100) | $(met "$(field "$r1000" p95_ms)" "<" 200) |"
echo "| non-2xx + socket errors at 1,000 connections | $(( $(field "$r1000" non2xx) + $(field "$r1000" socket_errors) )) | 0 | $(met "$(( $(field "$r1000" non2xx) + $(field "$r1000" socket_errors) ))" "==" 0) |"
echo "| non-2xx for one hot user at 1,000 connections | $(field "$rhot" non2xx) | 0 | $(met "$(field "$rhot" non2xx)" "==" 0) |"
echo "| RSS after the load | $((rss / 1024)) MiB | | |"
# Little's law: with every connection always waiting for its answer, the mean latency is connections / throughput.
echo
echo "Mean latency at 1,000 connections cannot be below 1000 / $(field "$r1000" rps) req/s = $(awk -v r="$(field "$r1000" rps)" 'BEGIN { printf "%.0f", 1000000 / r }') ms"
echo "(Little's law, a closed loop): a p95 under 200 ms there needs more than 5,000 req/s of this mix."
