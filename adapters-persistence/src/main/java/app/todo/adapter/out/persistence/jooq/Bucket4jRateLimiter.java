package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.RateLimit;
import app.todo.application.port.out.RateLimiter;
import app.todo.application.port.out.StorageUnavailableException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.jooq.DSLContext;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.RATE_LIMIT_BUCKETS;

/**
 * Token-bucket rate limits by Bucket4j, the same buckets on both stores. On PostgreSQL they are counted in
 * the database, so every instance of the service counts against the same buckets (docs/rules.md §2: limits
 * hold across instances): Bucket4j's PostgreSQL integration, {@code SELECT … FOR UPDATE} on one row per
 * key. The embedded H2 store serves one instance, and Bucket4j lacks an H2 integration (its SQL needs
 * {@code ON CONFLICT}), so there the buckets live in this limiter's memory, at most {@value #MAX_LOCAL_KEYS}.
 *
 * <p>At rest a row is keyed by the limit's name and a SHA-256 hash of the key, never the client's address
 * or email. Rows whose bucket would be full again expire; expired rows are deleted at most once a minute,
 * by whichever attempt comes first.
 */
final class Bucket4jRateLimiter implements RateLimiter {

    static final int MAX_LOCAL_KEYS = 100_000;
    private static final long CLEANUP_PERIOD_MILLIS = Duration.ofMinutes(1).toMillis();

    private final ProxyManager<String> buckets;
    private final Map<String, LocalBucket> localBuckets;
    private final DSLContext dsl;
    private final Clock clock;
    private final Map<RateLimit, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final AtomicLong nextCleanupMillis;

    private Bucket4jRateLimiter(ProxyManager<String> buckets, DSLContext dsl, Clock clock) {
        this.buckets = buckets;
        this.localBuckets = buckets == null ? new ConcurrentHashMap<>() : null;
        this.dsl = dsl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextCleanupMillis = new AtomicLong(clock.millis());
    }

    /** Buckets in {@code dataSource}'s PostgreSQL database, shared by everyone who uses it. */
    static Bucket4jRateLimiter shared(DataSource dataSource, DSLContext dsl, Clock clock) {
        return new Bucket4jRateLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(RATE_LIMIT_BUCKETS.getName())
                .idColumn(RATE_LIMIT_BUCKETS.ID.getName())
                .stateColumn(RATE_LIMIT_BUCKETS.STATE.getName())
                .expiresAtColumn(RATE_LIMIT_BUCKETS.EXPIRES_AT.getName())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(new ClockTimeMeter(clock))
                .build(), Objects.requireNonNull(dsl, "dsl"), clock);
    }

    /** Buckets in this limiter's memory: for a store that serves one instance. */
    static Bucket4jRateLimiter inMemory(Clock clock) {
        return new Bucket4jRateLimiter(null, null, clock);
    }

    @Override
    public Optional<Duration> tryAcquire(RateLimit limit, String key) {
        Objects.requireNonNull(key, "key");
        ConsumptionProbe probe;
        try {
            String id = limit.name() + ":" + sha256(key);
            probe = buckets == null ? localBucket(id, limit).tryConsumeAndReturnRemaining(1)
                    : buckets.getProxy(id, () -> configuration(limit)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (StorageFailures.isConnectionFailure(e)) {
                throw new StorageUnavailableException("the database cannot be reached right now", e);
            }
            throw e;
        }
        removeExpiredWhenDue();
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        Duration wait = Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
        return Optional.of(wait.compareTo(limit.refillEvery()) > 0 ? limit.refillEvery() : wait);
    }

    private BucketConfiguration configuration(RateLimit limit) {
        return configurations.computeIfAbsent(limit, l -> BucketConfiguration.builder()
                .addLimit(bandwidth(l))
                .build());
    }

    private LocalBucket localBucket(String id, RateLimit limit) {
        LocalBucket bucket = localBuckets.get(id);
        if (bucket != null) {
            return bucket;
        }
        if (localBuckets.size() >= MAX_LOCAL_KEYS) {
            // A full bucket holds no state worth keeping; dropping it forgets nothing.
            localBuckets.values().removeIf(b -> b.getAvailableTokens() >= b.getConfiguration().getBandwidths()[0].getCapacity());
            if (localBuckets.size() >= MAX_LOCAL_KEYS) {
                // Still full of clients being limited: forget some rather than grow without bound.
                localBuckets.keySet().stream().limit(MAX_LOCAL_KEYS / 10).toList().forEach(localBuckets::remove);
            }
        }
        return localBuckets.computeIfAbsent(id, k -> Bucket.builder().addLimit(bandwidth(limit))
                .withCustomTimePrecision(new ClockTimeMeter(clock)).build());
    }

    private static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(1, limit.refillEvery()).build();
    }

    /**
     * Bucket4j stamps {@code expires_at} from the system clock, which {@code clock} is in production.
     * Best effort: a failed cleanup is retried a minute later and never fails the attempt it rode on. */
    private void removeExpiredWhenDue() {
        if (dsl == null) {
            return;
        }
        long now = clock.millis();
        long due = nextCleanupMillis.get();
        if (now < due || !nextCleanupMillis.compareAndSet(due, now + CLEANUP_PERIOD_MILLIS)) {
            return;
        }
        try {
            dsl.deleteFrom(RATE_LIMIT_BUCKETS).where(RATE_LIMIT_BUCKETS.EXPIRES_AT.lt(now)).execute();
        } catch (RuntimeException e) {
            System.getLogger(Bucket4jRateLimiter.class.getName()).log(System.Logger.Level.DEBUG,
                    "expired rate-limit rows not removed this time", e);
        }
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Buckets refill on the service's clock, which tests move. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return Math.multiplyExact(clock.millis(), 1_000_000L);
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
