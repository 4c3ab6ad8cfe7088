package app.todo.application.memory;

import app.todo.application.port.out.SessionRepository;
import app.todo.domain.account.Session;
import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions and refresh-token hashes in maps; one lock makes each call atomic, as a transaction would. */
public final class InMemorySessionRepository implements SessionRepository {

    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, String> sessionOfToken = new HashMap<>();
    private final Map<String, Instant> spentAt = new HashMap<>();

    @Override
    public synchronized void create(Session session, String refreshTokenHash) {
        sessions.put(session.id(), session);
        sessionOfToken.put(refreshTokenHash, session.id());
    }

    @Override
    public synchronized Optional<Session> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public synchronized List<Session> liveSessionsOf(UserId user, Instant now) {
        return sessions.values().stream().filter(s -> s.userId().equals(user) && s.isLive(now))
                .sorted(Comparator.comparing(Session::createdAt).reversed().thenComparing(Session::id)).toList();
    }

    @Override
    public synchronized Rotation rotate(String presented, String next, Instant now, Instant newExpiry,
                                        Instant graceStart) {
        String sessionId = sessionOfToken.get(presented);
        if (sessionId == null) {
            return new Rotation.Unknown();
        }
        Session session = sessions.get(sessionId);
        if (session == null || !session.isLive(now)) {
            return new Rotation.Ended(sessionId);
        }
        if (spentAt.containsKey(presented) && !spentAt.get(presented).isAfter(graceStart)) {
            revoke(sessionId, now);
            return new Rotation.Reused(sessionId);
        }
        spentAt.putIfAbsent(presented, now);
        sessionOfToken.put(next, sessionId);
        Session rotated = new Session(session.id(), session.userId(), session.createdAt(), now, newExpiry,
                session.userAgent(), null);
        sessions.put(sessionId, rotated);
        return new Rotation.Rotated(rotated);
    }

    @Override
    public synchronized boolean revoke(String sessionId, Instant now) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return false;
        }
        if (session.revokedAt() == null) {
            sessions.put(sessionId, revoked(session, now));
        }
        return true;
    }

    @Override
    public synchronized void revokeAllOf(UserId user, Instant now, Optional<String> except) {
        sessions.replaceAll((id, s) -> s.userId().equals(user) && s.revokedAt() == null
                && except.map(keep -> !keep.equals(id)).orElse(true) ? revoked(s, now) : s);
    }

    private static Session revoked(Session s, Instant now) {
        return new Session(s.id(), s.userId(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), s.userAgent(), now);
    }
}
