package app.todo.application.service;

import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users seen by this instance in the last few seconds, so that a frontend's burst of requests costs one
 * user lookup instead of one per request. Changes made through this instance are forgotten at once;
 * changes made through another instance are seen within {@code ttl}, well inside the 30 seconds within
 * which the contract wants a disabled user refused everywhere.
 */
public final class RecentCallers {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ENTRIES = 50_000;

    private record Seen(User user, Instant until) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<UserId, Seen> seen = new ConcurrentHashMap<>();

    public RecentCallers(Clock clock, Duration ttl, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.maxEntries = maxEntries;
        if (ttl.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("ttl and maxEntries must not be negative");
        }
    }

    /** Remembers nothing: every request reads the user afresh. */
    public static RecentCallers none() {
        return new RecentCallers(Clock.systemUTC(), Duration.ZERO, 0);
    }

    Optional<User> get(UserId id) {
        Seen entry = seen.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            seen.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    void remember(User user) {
        if (ttl.isZero() || maxEntries == 0) {
            return;
        }
        if (seen.size() >= maxEntries) {
            // Crude but bounded: a flood of distinct users empties the memory instead of growing it.
            seen.clear();
        }
        seen.put(user.id(), new Seen(user, clock.instant().plus(ttl)));
    }

    /** Called when this instance changes a user, so its own next request sees the change. */
    public void forget(UserId id) {
        seen.remove(id);
    }
}
