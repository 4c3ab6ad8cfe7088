package app.todo.adapter.http.account;

import app.todo.adapter.http.auth.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttemptLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final AttemptLimiter limiter = AttemptLimiter.perMinute(3, clock);

    @Test
    void allows_the_limit_then_says_how_long_to_wait() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("a").isEmpty(), "attempt " + (i + 1));
            clock.advance(Duration.ofSeconds(10));
        }

        assertEquals(Optional.of(Duration.ofSeconds(30)), limiter.tryAcquire("a"));
    }

    @Test
    void the_window_slides_so_there_is_no_double_burst_at_a_boundary() {
        limiter.tryAcquire("a");
        clock.advance(Duration.ofSeconds(50));
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");

        clock.advance(Duration.ofSeconds(10));
        assertTrue(limiter.tryAcquire("a").isEmpty(), "the first attempt has left the window");
        assertEquals(Optional.of(Duration.ofSeconds(50)), limiter.tryAcquire("a"));
    }

    @Test
    void refused_attempts_do_not_extend_the_wait() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("a");
        }

        clock.advance(Duration.ofMinutes(1));
        assertTrue(limiter.tryAcquire("a").isEmpty());
    }

    @Test
    void keys_are_counted_apart() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }

        assertTrue(limiter.tryAcquire("b").isEmpty());
        assertTrue(limiter.tryAcquire("a").isPresent());
    }

    /** Trust review finding 5: a full limiter used to stop counting new keys (fail open). */
    @Test
    void when_full_it_forgets_expired_keys_then_evicts_the_least_recent_and_still_counts_every_new_key() {
        AttemptLimiter small = new AttemptLimiter(1, Duration.ofMinutes(1), clock, 10);
        for (int i = 0; i < 10; i++) {
            small.tryAcquire("old-" + i);
            clock.advance(Duration.ofMillis(1));
        }

        assertTrue(small.tryAcquire("fresh").isEmpty(), "the first attempt of a new key goes ahead");
        assertTrue(small.tryAcquire("fresh").isPresent(), "and it is counted although the limiter was full");
        assertTrue(small.trackedKeys() <= 10, "memory stays bounded: " + small.trackedKeys());
        assertTrue(small.tryAcquire("old-9").isPresent(), "the most recent keys keep their limit");

        for (int i = 0; i < 1000; i++) {
            small.tryAcquire("flood-" + i);
            assertTrue(small.trackedKeys() <= 10);
        }
        assertTrue(small.tryAcquire("flood-999").isPresent(), "the newest key of a flood is limited too");
    }
}
