package app.todo.application.port.out;

import app.todo.application.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link RateLimiter} must do, on a clock the test moves. Each test uses keys of its own, so
 * a store may be shared between tests.
 */
public abstract class RateLimiterContract {

    /** Two limiters over one store, as two instances of the service would have (the same one, in memory). */
    public record Instances(RateLimiter one, RateLimiter another) {
    }

    private static final RateLimit THREE_A_MINUTE = new RateLimit("contract-three", 3, Duration.ofMinutes(1));
    private static final RateLimit ONE_A_SECOND = new RateLimit("contract-one", 1, Duration.ofSeconds(1));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private Instances limiters;
    private String key;

    /** Limiters over a store that reads the time from {@code clock}. */
    protected abstract Instances newLimiters(Clock clock);

    @BeforeEach
    void openStore() {
        limiters = newLimiters(clock);
        key = "client-" + UUID.randomUUID();
    }

    @Test
    void a_burst_goes_ahead_and_the_next_attempt_is_told_how_long_to_wait() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiters.one().tryAcquire(THREE_A_MINUTE, key), "attempt " + (i + 1));
        }

        Optional<Duration> wait = limiters.one().tryAcquire(THREE_A_MINUTE, key);

        assertTrue(wait.isPresent(), "the fourth attempt in a minute is refused");
        assertTrue(!wait.get().isNegative() && !wait.get().isZero() && wait.get().compareTo(Duration.ofMinutes(1)) <= 0,
                wait.get().toString());
    }

    @Test
    void no_window_of_the_refill_time_holds_more_than_the_burst() {
        int allowed = 0;
        // One attempt every 5 s over two minutes: at most a burst plus one per refill time.
        for (int second = 0; second < 120; second += 5) {
            if (limiters.one().tryAcquire(THREE_A_MINUTE, key).isEmpty()) {
                allowed++;
            }
            clock.advance(Duration.ofSeconds(5));
        }
        assertEquals(3 + 1, allowed, "three at once, one more after a minute; the second minute's refill is still coming");
    }

    @Test
    void after_waiting_as_told_one_attempt_goes_ahead_and_refused_ones_were_not_counted() {
        for (int i = 0; i < 3; i++) {
            limiters.one().tryAcquire(THREE_A_MINUTE, key);
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(limiters.one().tryAcquire(THREE_A_MINUTE, key).isPresent());
        }
        Duration wait = limiters.one().tryAcquire(THREE_A_MINUTE, key).orElseThrow();

        clock.advance(wait);

        assertEquals(Optional.empty(), limiters.one().tryAcquire(THREE_A_MINUTE, key));
        assertTrue(limiters.one().tryAcquire(THREE_A_MINUTE, key).isPresent(), "only one came back");
    }

    @Test
    void keys_and_limits_are_counted_apart() {
        assertEquals(Optional.empty(), limiters.one().tryAcquire(ONE_A_SECOND, key));
        assertTrue(limiters.one().tryAcquire(ONE_A_SECOND, key).isPresent());

        assertEquals(Optional.empty(), limiters.one().tryAcquire(ONE_A_SECOND, key + "-other"), "another key");
        assertEquals(Optional.empty(), limiters.one().tryAcquire(THREE_A_MINUTE, key), "another limit");
    }

    @Test
    void any_text_is_a_key() {
        String odd = key + "\n\u00e9\u6f22\uD83D\uDE00 " + "x".repeat(2_000);
        assertEquals(Optional.empty(), limiters.one().tryAcquire(ONE_A_SECOND, odd));
        assertTrue(limiters.one().tryAcquire(ONE_A_SECOND, odd).isPresent());
        assertEquals(Optional.empty(), limiters.one().tryAcquire(ONE_A_SECOND, odd.substring(0, odd.length() - 1)));
    }

    @Test
    void every_instance_counts_against_the_same_limit() {
        assertEquals(Optional.empty(), limiters.one().tryAcquire(THREE_A_MINUTE, key));
        assertEquals(Optional.empty(), limiters.another().tryAcquire(THREE_A_MINUTE, key));
        assertEquals(Optional.empty(), limiters.one().tryAcquire(THREE_A_MINUTE, key));

        assertTrue(limiters.another().tryAcquire(THREE_A_MINUTE, key).isPresent());
        assertTrue(limiters.one().tryAcquire(THREE_A_MINUTE, key).isPresent());
    }

    @Test
    void attempts_racing_from_both_instances_get_exactly_the_burst() throws Exception {
        List<Optional<Duration>> answers = Race.run(8, i ->
                () -> (i % 2 == 0 ? limiters.one() : limiters.another()).tryAcquire(THREE_A_MINUTE, key));

        assertEquals(3, answers.stream().filter(Optional::isEmpty).count(), answers.toString());
    }
}
