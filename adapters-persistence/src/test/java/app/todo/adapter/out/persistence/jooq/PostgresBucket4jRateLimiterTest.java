package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.RateLimit;
import app.todo.application.port.out.RateLimiter;
import app.todo.application.port.out.RateLimiterContract;
import app.todo.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.RATE_LIMIT_BUCKETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PostgresBucket4jRateLimiterTest extends RateLimiterContract {

    /** Two pools over one database, as two instances of the service would have. */
    @Override
    protected Instances newLimiters(Clock clock) {
        EmptiedTestDatabases.Pair databases = EmptiedTestDatabases.postgres();
        return new Instances(databases.one().rateLimiter(clock), databases.another().rateLimiter(clock));
    }

    @Test
    void rowsOfBucketsFullAgainAreRemovedAndKeysAreStoredOnlyAsHashes() {
        JooqDatabase database = EmptiedTestDatabases.postgres().one();
        // Bucket4j stamps a row's expiry from the system clock, whatever clock the buckets refill on.
        MutableClock clock = new MutableClock(Instant.now());
        RateLimiter limiter = database.rateLimiter(clock);
        RateLimit limit = new RateLimit("cleanup-test", 2, Duration.ofMinutes(1));
        String address = "192.0.2." + UUID.randomUUID();

        limiter.tryAcquire(limit, address);
        limiter.tryAcquire(limit, address);
        assertFalse(database.dsl().fetchValues(RATE_LIMIT_BUCKETS.ID).stream().anyMatch(id -> id.contains(address)),
                "the address itself is never stored");
        assertEquals(1, database.dsl().fetchCount(RATE_LIMIT_BUCKETS));

        // Two minutes refill the bucket; a minute later its row is due for cleanup.
        clock.advance(Duration.ofMinutes(4));
        limiter.tryAcquire(limit, "another client");

        assertEquals(0, database.dsl().fetchCount(RATE_LIMIT_BUCKETS),
                "four minutes on, both rows are past their expiry (system time plus at most two minutes)");
        limiter.tryAcquire(limit, "a third client");
        assertEquals(1, database.dsl().fetchCount(RATE_LIMIT_BUCKETS), "cleaning runs at most once a minute");
    }
}
