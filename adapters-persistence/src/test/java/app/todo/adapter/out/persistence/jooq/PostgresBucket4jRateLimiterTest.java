package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.RateLimit;
import app.todo.application.port.out.RateLimiter;
import app.todo.application.port.out.RateLimiterContract;
import app.todo.application.testing.MutableClock;
import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import app.todo.application.port.out.StorageUnavailableException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.RATE_LIMIT_BUCKETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * A bucket's statement the database stops answering (a commit waiting on a frozen synchronous standby, say)
     * ends at PgJDBC's socket timeout, and Bucket4j's rollback then meets a closed connection: an outage (503
     * at the edge), not a failure of ours (500).
     */
    @Test
    void aBucketStatementCutOffByTheSocketTimeoutIsAnOutage() throws Exception {
        DatabaseConfig fresh = TestPostgres.newDatabase();
        DatabaseConfig impatient = new DatabaseConfig(fresh.jdbcUrl() + (fresh.jdbcUrl().contains("?") ? "&" : "?")
                + "socketTimeout=1", fresh.username(), fresh.password(), 2);
        try (JooqDatabase database = JooqDatabase.connect(impatient);
             Connection holder = DriverManager.getConnection(fresh.jdbcUrl(), fresh.username(), fresh.password())) {
            RateLimiter limiter = database.rateLimiter(Clock.systemUTC());
            RateLimit limit = new RateLimit("timeout-test", 5, Duration.ofMinutes(1));
            assertTrue(limiter.tryAcquire(limit, "client").isEmpty());

            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("lock table " + RATE_LIMIT_BUCKETS.getName() + " in access exclusive mode");
            }
            assertThrows(StorageUnavailableException.class, () -> limiter.tryAcquire(limit, "client"));
            holder.rollback();

            assertTrue(limiter.tryAcquire(limit, "client").isEmpty(), "the pool recovers once the database answers");
        }
    }
}
