#!/usr/bin/env bash
# The live stream's figures (BENCHMARKS.md), against the service launched as bin/run launches it, on PostgreSQL,
# with the heap 1,000 streams need (JAVA_OPTS=-Xmx192m unless set; bin/run's 96 MiB hold 768, docs/operations.md):
#   1. list and create throughput (wrk, 64 connections) with no stream open;
#   2. STREAMS (1,000) open streams on one instance: resident memory added per stream;
#   3. while 200 writes/s flow: from a write's 201 to its event on the stream, p50/p99, and events missing;
#   4. list and create throughput again, with the streams open;
#   5. one client 1,000 changes behind: the feed calls (limit 500) that bring it up to date, timed.
# Figures, not a test: it exits 0 whatever they are (1 only when it cannot run).
#
#   bench/streams.sh
#   STREAMS=200 DURATION=10 bench/streams.sh     # a quicker look
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bin/java-env.sh
. bin/java-env.sh >/dev/null

DURATION=${DURATION:-20}
STREAMS=${STREAMS:-1000}
WRITES=${WRITES:-200}
PORT=${BENCH_PORT:-18095}
DB=${BENCH_DB:-todo_streams}
export JAVA_OPTS=${JAVA_OPTS:--Xmx192m}
USERS=$((STREAMS + 1))
# shellcheck source=bench/service.sh
. bench/service.sh

# rps MODE: requests per second of one wrk run (64 connections, DURATION s) over the stream users.
rps() {
  MODE=$1 REPORT=1 TOKENS_FILE="$work/hs256.tokens" USER_OFFSET=0 USER_COUNT="$STREAMS" \
    wrk -t2 -c64 -d"${DURATION}s" --timeout 10s -s bench/wrk/bench.lua "http://127.0.0.1:$PORT" \
    | awk '/^Requests\/sec/ {printf "%.0f", $2}'
}
# alive: stops with the end of the service's log when it has exited.
alive() { kill -0 "$pid" 2>/dev/null || { echo "streams: the service exited; its log ends:" >&2; tail -30 "$work/server.log" >&2; exit 1; }; }
rps list >/dev/null # warm-up
list_before=$(rps list)
create_before=$(rps create)

# The streams and the writes run in the background while throughput is measured again with them open.
java bench/StreamBench.java "http://127.0.0.1:$PORT" "$work/hs256.tokens" "$pid" "$STREAMS" "$WRITES" "$DURATION" \
  >"$work/streams.out" 2>&1 &
bench_pid=$!
for _ in $(seq 1 600); do grep -q '^STREAMS open=' "$work/streams.out" && break; sleep 0.2; done
cat "$work/streams.out"
wait "$bench_pid" || true
grep '^STREAMS writes=' "$work/streams.out" || cat "$work/streams.out"
alive
sleep 20 # the closed streams end on their next heartbeat (15 s): then the next 1,000 open on an instance without them

# With the streams open again (quietly), the same two throughputs.
java bench/StreamBench.java "http://127.0.0.1:$PORT" "$work/hs256.tokens" "$pid" "$STREAMS" 1 $((2 * DURATION + 30)) \
  >"$work/streams2.out" 2>&1 &
quiet_pid=$!
for _ in $(seq 1 600); do grep -q '^STREAMS open=' "$work/streams2.out" && break; sleep 0.2; done
alive
list_with=$(rps list)
alive
create_with=$(rps create)
alive
kill "$quiet_pid" 2>/dev/null || true

# One client 1,000 changes behind.
behind_user=bench-$STREAMS
token=$(sed -n "$((STREAMS + 1))p" "$work/hs256.tokens")
for i in $(seq 1 1000); do echo "{\"title\":\"behind $i\"}"; done | while read -r body; do
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$body" "http://127.0.0.1:$PORT/api/$behind_user/tasks"
done
start=$(date +%s%N)
calls=0
cursor=""
while :; do
  calls=$((calls + 1))
  page=$(curl -fsS -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$PORT/api/$behind_user/tasks/changes?limit=500${cursor:+&since=$cursor}")
  cursor=$(printf '%s' "$page" | sed -n 's/.*"next_cursor":"\([^"]*\)".*/\1/p')
  printf '%s' "$page" | grep -q '"has_more":true' || break
done
catch_up_ms=$(( ($(date +%s%N) - start) / 1000000 ))

echo "STREAMS list_rps_without=$list_before list_rps_with=$list_with create_rps_without=$create_before create_rps_with=$create_with"
echo "STREAMS feed_catch_up_1000_changes_ms=$catch_up_ms calls=$calls"
