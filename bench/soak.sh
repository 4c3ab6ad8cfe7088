#!/usr/bin/env bash
# The soak: 60 s at 256 connections of mixed reads (4/5) and writes (1/5) from many users, on PostgreSQL.
# Passes when no request got an unexpected non-2xx answer and the server's memory did not grow
# between the first and the last 10 s (the average RSS of the last 10 s is at most 10 % above the first's).
#
#   bench/soak.sh                  # DURATION=60 CONNECTIONS=256 USERS=200
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=bin/java-env.sh
. bin/java-env.sh
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-256}
USERS=${USERS:-200}
BACKGROUND_TASKS=${BACKGROUND_TASKS:-10000}
# A fixed, pre-touched heap, as in production: RSS then shows what the service keeps, not how far
# the JVM has grown its heap so far.
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m -XX:+AlwaysPreTouch}
# shellcheck source=bench/lib.sh
. bench/lib.sh

echo "bench: warming up for ${WARMUP}s (the JIT needs it before any steady state)" >&2
MODE=mixed TOKENS_FILE="$work/hs256.tokens" USER_COUNT=$USERS wrk -t2 -c64 -d"${WARMUP}s" \
  -s bench/wrk/bench.lua "http://127.0.0.1:$PORT" >/dev/null
echo "bench: soak for ${DURATION}s at $CONNECTIONS connections over $USERS users" >&2
: >"$work/rss"
( while kill -0 "$server_pid" 2>/dev/null; do rss_kib >>"$work/rss"; sleep 1; done ) &
sampler=$!
out=$(MODE=mixed TOKENS_FILE="$work/hs256.tokens" USER_COUNT=$USERS wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" \
  --latency --timeout 10s -s bench/wrk/bench.lua "http://127.0.0.1:$PORT")
kill "$sampler" 2>/dev/null || true
echo "$out"
bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); bad=${bad:-0}
errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out"); errors=${errors:-0}
first=$(head -n 10 "$work/rss" | awk '{s += $1} END {printf "%d", s / NR}')
last=$(tail -n 10 "$work/rss" | awk '{s += $1} END {printf "%d", s / NR}')
echo
echo "non-2xx: $bad, socket errors: $errors"
echo "RSS first 10 s: $((first / 1024)) MiB, last 10 s: $((last / 1024)) MiB"
verdict=0
[[ $bad == 0 && $errors == 0 ]] || { echo "soak: FAILED: unexpected errors"; verdict=1; }
awk -v a="$first" -v b="$last" 'BEGIN { exit !(b <= a * 1.10) }' || { echo "soak: FAILED: memory grew"; verdict=1; }
[[ $verdict == 0 ]] && echo "soak: passed"
exit $verdict
