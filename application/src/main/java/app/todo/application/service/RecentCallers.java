package app.todo.application.service;

import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Users seen by this instance in the last few seconds, so that a frontend's burst of requests costs one
 * user lookup instead of one per request. Changes made through this instance are forgotten at once;
 * changes made through another instance are seen within {@code ttl}, well inside the 30 seconds within
 * which the contract wants a disabled user refused everywhere.
 */
public final class RecentCallers {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ENTRIES = 50_000;

    private final Clock clock;
    private final Duration ttl;
    private final ExpiringMemory<UserId, User> seen;

    public RecentCallers(Clock clock, Duration ttl, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("ttl and maxEntries must not be negative");
        }
        this.seen = new ExpiringMemory<>(maxEntries);
    }

    /** Remembers nothing: every request reads the user afresh. */
    public static RecentCallers none() {
        return new RecentCallers(Clock.systemUTC(), Duration.ZERO, 0);
    }

    Optional<User> get(UserId id) {
        return seen.get(id, clock.instant());
    }

    void remember(User user) {
        Instant now = clock.instant();
        seen.put(user.id(), user, now.plus(ttl), now);
    }

    /** Called when this instance changes a user, so its own next request sees the change. */
    public void forget(UserId id) {
        seen.forget(id);
    }
}
