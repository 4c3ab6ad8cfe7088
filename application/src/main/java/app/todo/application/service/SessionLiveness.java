package app.todo.application.service;

import app.todo.application.port.out.SessionRepository;
import app.todo.domain.account.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a session is alive, remembered for a few seconds so that checking it costs most requests no
 * database round trip (docs/rules.md §2: revocation stays cheap). A session ended through this instance is
 * forgotten at once; one ended through another instance is refused within {@code ttl} (5 s).
 */
public final class SessionLiveness {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ENTRIES = 50_000;

    private final SessionRepository sessions;
    private final Clock clock;
    private final Duration ttl;
    private final ExpiringMemory<String, Boolean> known;

    public SessionLiveness(SessionRepository sessions, Clock clock, Duration ttl, int maxEntries) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.known = new ExpiringMemory<>(maxEntries);
    }

    boolean isLive(String sessionId) {
        Instant now = clock.instant();
        Optional<Boolean> remembered = known.get(sessionId, now);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        boolean live = sessions.find(sessionId).map(s -> s.isLive(now)).orElse(false);
        known.put(sessionId, live, now.plus(ttl), now);
        return live;
    }

    /** Ends this instance's memory of a session (it was revoked here). */
    void forget(String sessionId) {
        known.forget(sessionId);
    }

    /** Forgets every remembered session of these (all revoked at once). */
    void forgetAll(Iterable<Session> ended) {
        ended.forEach(session -> known.forget(session.id()));
    }
}
