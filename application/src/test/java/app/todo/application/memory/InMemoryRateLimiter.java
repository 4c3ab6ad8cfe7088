package app.todo.application.memory;

import app.todo.application.port.out.RateLimit;
import app.todo.application.port.out.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per limit and key, in memory: the fake that HTTP and use-case tests run on. */
public final class InMemoryRateLimiter implements RateLimiter {

    private record Bucket(double tokens, long atMillis) {
    }

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Duration> tryAcquire(RateLimit limit, String key) {
        long now = clock.millis();
        double refillMillis = limit.refillEvery().toMillis();
        long[] wait = {0};
        buckets.compute(limit.name() + "\n" + key, (k, bucket) -> {
            double tokens = bucket == null ? limit.burst()
                    : Math.min(limit.burst(), bucket.tokens() + (now - bucket.atMillis()) / refillMillis);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Math.max(1, (long) Math.ceil((1 - tokens) * refillMillis));
            return new Bucket(tokens, now);
        });
        return wait[0] == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait[0]));
    }
}
