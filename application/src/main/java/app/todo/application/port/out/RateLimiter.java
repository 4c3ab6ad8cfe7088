package app.todo.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts attempts per key against a {@link RateLimit}. An adapter over a shared store counts for every
 * instance of the service together, so a client gets the limit once however many instances it spreads
 * its attempts over (docs/rules.md §2).
 */
public interface RateLimiter {

    /**
     * Counts one attempt of {@code key} (any text; adapters may store only a hash of it) against {@code limit}.
     *
     * @return empty when the attempt may go ahead, and then it is counted; otherwise how long until an
     *         attempt would be allowed, positive and at most {@code limit.refillEvery()}; a refused
     *         attempt is not counted
     * @throws StorageUnavailableException when the store that keeps the counts cannot be reached
     */
    Optional<Duration> tryAcquire(RateLimit limit, String key);
}
