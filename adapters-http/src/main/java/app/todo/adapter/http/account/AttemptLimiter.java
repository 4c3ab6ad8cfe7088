package app.todo.adapter.http.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxAttempts} per key in any sliding {@code window}: it remembers the times of the last
 * attempts per key, so there is no burst of twice the limit around a window boundary.
 *
 * <p>State lives in this instance's memory, so each instance of the service counts on its own: with
 * n instances behind a load balancer a client gets up to n times the limit. That is the trade-off
 * for not needing a shared store; it still turns online password guessing from thousands of tries a
 * minute into a handful.
 */
public final class AttemptLimiter {

    private final int maxAttempts;
    private final Duration window;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, long[]> attempts = new ConcurrentHashMap<>();

    /**
     * @param maxKeys how many keys to track at most; beyond that, keys whose attempts have all expired
     *                are dropped, and if none have, the tenth of keys least recently tried is evicted.
     *                Memory stays bounded and every key is still counted: a flood of fresh keys can
     *                neither exhaust memory nor switch the limit off (it never fails open)
     */
    public AttemptLimiter(int maxAttempts, Duration window, Clock clock, int maxKeys) {
        if (maxAttempts < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("a limit needs at least one attempt, a positive window and room for keys");
        }
        this.maxAttempts = maxAttempts;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxKeys = maxKeys;
    }

    public static AttemptLimiter perMinute(int maxAttempts, Clock clock) {
        return new AttemptLimiter(maxAttempts, Duration.ofMinutes(1), clock, 100_000);
    }

    /**
     * Counts an attempt for the key when it is within the limit.
     *
     * @return empty when the attempt may go ahead; otherwise how long until it would be allowed
     *         (the attempt is then not counted)
     */
    public Optional<Duration> tryAcquire(String key) {
        long now = clock.millis();
        long since = now - window.toMillis();
        if (!attempts.containsKey(key) && attempts.size() >= maxKeys) {
            makeRoom(since);
        }
        long[] wait = {0};
        // Each key's times are an immutable array replaced atomically: a purge may read them any time.
        attempts.compute(key, (k, times) -> {
            long[] recent = times == null ? new long[0]
                    : Arrays.stream(times).filter(time -> time > since).toArray();
            if (recent.length >= maxAttempts) {
                wait[0] = recent[0] + window.toMillis() - now;
                return recent;
            }
            long[] counted = Arrays.copyOf(recent, recent.length + 1);
            counted[recent.length] = now;
            return counted;
        });
        return wait[0] > 0 ? Optional.of(Duration.ofMillis(wait[0])) : Optional.empty();
    }

    /** Keys tracked now; never more than {@code maxKeys}. */
    int trackedKeys() {
        return attempts.size();
    }

    private synchronized void makeRoom(long since) {
        if (attempts.size() < maxKeys) {
            return;
        }
        attempts.values().removeIf(times -> times[times.length - 1] <= since);
        if (attempts.size() < maxKeys) {
            return;
        }
        int evict = Math.max(1, maxKeys / 10);
        attempts.entrySet().stream()
                .sorted(Comparator.comparingLong(entry -> entry.getValue()[entry.getValue().length - 1]))
                .limit(evict)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(attempts::remove);
    }
}
