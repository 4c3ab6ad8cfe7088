package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.jooq.generated.tables.records.SessionsRecord;
import app.todo.application.port.out.SessionRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.account.Session;
import app.todo.domain.user.UserId;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.REFRESH_TOKENS;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.SESSIONS;

/**
 * Sessions and their refresh tokens in two tables. A rotation locks the presented token's row
 * ({@code SELECT … FOR UPDATE}) inside one transaction, so two clients racing with the same refresh token
 * get one rotation and one reuse, never two rotations.
 */
public final class JooqSessionRepository implements SessionRepository {

    /**
     * How long an ended (revoked or expired) session and a spent refresh token are kept: long enough that a
     * stolen token replayed soon after still reads as reuse of an ended session, short enough that a client
     * refreshing at the limit all day leaves a bounded number of rows.
     */
    static final Duration ENDED_RETENTION = Duration.ofDays(1);
    private static final long CLEANUP_PERIOD_MILLIS = 60_000;

    private final DSLContext dsl;
    private final Transactions transactions;
    private final AtomicLong nextCleanupMillis = new AtomicLong(Long.MIN_VALUE);

    public JooqSessionRepository(DSLContext dsl, Transactions transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    @Override
    public void create(Session session, String refreshTokenHash) {
        transactions.inTransaction(() -> {
            dsl.insertInto(SESSIONS)
                    .set(SESSIONS.ID, session.id())
                    .set(SESSIONS.USER_ID, session.userId().value())
                    .set(SESSIONS.CREATED_AT, utc(session.createdAt()))
                    .set(SESSIONS.LAST_USED_AT, utc(session.lastUsedAt()))
                    .set(SESSIONS.EXPIRES_AT, utc(session.expiresAt()))
                    .set(SESSIONS.USER_AGENT, session.userAgent())
                    .set(SESSIONS.REVOKED_AT, utc(session.revokedAt()))
                    .execute();
            dsl.insertInto(REFRESH_TOKENS)
                    .set(REFRESH_TOKENS.TOKEN_HASH, refreshTokenHash)
                    .set(REFRESH_TOKENS.SESSION_ID, session.id())
                    .set(REFRESH_TOKENS.ISSUED_AT, utc(session.createdAt()))
                    .execute();
            return null;
        });
        removeEndedWhenDue(session.createdAt());
    }

    /**
     * At most once a minute, on a sign-in or refresh: deletes sessions ended more than {@link #ENDED_RETENTION}
     * ago (their refresh tokens go with them). Best effort: a failure is retried a minute later and never fails
     * the sign-in it rode on.
     */
    private void removeEndedWhenDue(Instant now) {
        long due = nextCleanupMillis.get();
        if (now.toEpochMilli() < due || !nextCleanupMillis.compareAndSet(due, now.toEpochMilli() + CLEANUP_PERIOD_MILLIS)) {
            return;
        }
        OffsetDateTime before = utc(now.minus(ENDED_RETENTION));
        try {
            dsl.deleteFrom(SESSIONS).where(SESSIONS.EXPIRES_AT.lt(before).or(SESSIONS.REVOKED_AT.lt(before))).execute();
        } catch (RuntimeException e) {
            System.getLogger(JooqSessionRepository.class.getName()).log(System.Logger.Level.DEBUG,
                    "ended sessions not removed this time", e);
        }
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return StorageFailures.translated(() -> dsl.selectFrom(SESSIONS).where(SESSIONS.ID.eq(sessionId))
                .fetchOptional().map(JooqSessionRepository::toSession));
    }

    @Override
    public List<Session> liveSessionsOf(UserId user, Instant now) {
        return StorageFailures.translated(() -> dsl.selectFrom(SESSIONS)
                .where(SESSIONS.USER_ID.eq(user.value()))
                .and(SESSIONS.REVOKED_AT.isNull())
                .and(SESSIONS.EXPIRES_AT.gt(utc(now)))
                .orderBy(SESSIONS.CREATED_AT.desc(), SESSIONS.ID)
                .fetch(JooqSessionRepository::toSession));
    }

    @Override
    public Rotation rotate(String presented, String next, Instant now, Instant newExpiry, Instant graceStart) {
        Rotation rotation = rotateInTransaction(presented, next, now, newExpiry, graceStart);
        removeEndedWhenDue(now);
        return rotation;
    }

    private Rotation rotateInTransaction(String presented, String next, Instant now, Instant newExpiry,
                                         Instant graceStart) {
        return transactions.inTransaction(() -> {
            var token = dsl.selectFrom(REFRESH_TOKENS).where(REFRESH_TOKENS.TOKEN_HASH.eq(presented))
                    .forUpdate().fetchOptional();
            if (token.isEmpty()) {
                return new Rotation.Unknown();
            }
            String sessionId = token.get().getSessionId();
            Session session = dsl.selectFrom(SESSIONS).where(SESSIONS.ID.eq(sessionId)).forUpdate()
                    .fetchOptional().map(JooqSessionRepository::toSession).orElse(null);
            if (session == null || !session.isLive(now)) {
                return new Rotation.Ended(sessionId);
            }
            if (token.get().getSpentAt() != null && !token.get().getSpentAt().toInstant().isAfter(graceStart)) {
                revokeSession(sessionId, now);
                return new Rotation.Reused(sessionId);
            }
            if (token.get().getSpentAt() == null) {
                dsl.update(REFRESH_TOKENS).set(REFRESH_TOKENS.SPENT_AT, utc(now))
                        .where(REFRESH_TOKENS.TOKEN_HASH.eq(presented)).execute();
            }
            dsl.insertInto(REFRESH_TOKENS)
                    .set(REFRESH_TOKENS.TOKEN_HASH, next)
                    .set(REFRESH_TOKENS.SESSION_ID, sessionId)
                    .set(REFRESH_TOKENS.ISSUED_AT, utc(now))
                    .execute();
            dsl.update(SESSIONS).set(SESSIONS.LAST_USED_AT, utc(now)).set(SESSIONS.EXPIRES_AT, utc(newExpiry))
                    .where(SESSIONS.ID.eq(sessionId)).execute();
            // Through the session's index: this session's tokens spent long ago, so rows stay bounded per session.
            dsl.deleteFrom(REFRESH_TOKENS).where(REFRESH_TOKENS.SESSION_ID.eq(sessionId))
                    .and(REFRESH_TOKENS.SPENT_AT.lt(utc(now.minus(ENDED_RETENTION)))).execute();
            return new Rotation.Rotated(new Session(session.id(), session.userId(), session.createdAt(), now, newExpiry,
                    session.userAgent(), null));
        });
    }

    @Override
    public boolean revoke(String sessionId, Instant now) {
        removeEndedWhenDue(now);
        return StorageFailures.translated(() -> {
            if (dsl.fetchExists(SESSIONS, SESSIONS.ID.eq(sessionId))) {
                revokeSession(sessionId, now);
                return true;
            }
            return false;
        });
    }

    @Override
    public void revokeAllOf(UserId user, Instant now, Optional<String> except) {
        StorageFailures.translated(() -> dsl.update(SESSIONS).set(SESSIONS.REVOKED_AT, utc(now))
                .where(SESSIONS.USER_ID.eq(user.value()))
                .and(SESSIONS.REVOKED_AT.isNull())
                .and(except.map(SESSIONS.ID::ne).orElse(org.jooq.impl.DSL.noCondition()))
                .execute());
    }

    private void revokeSession(String sessionId, Instant now) {
        dsl.update(SESSIONS).set(SESSIONS.REVOKED_AT, utc(now))
                .where(SESSIONS.ID.eq(sessionId)).and(SESSIONS.REVOKED_AT.isNull()).execute();
    }

    private static Session toSession(SessionsRecord row) {
        return new Session(row.getId(), new UserId(row.getUserId()), row.getCreatedAt().toInstant(),
                row.getLastUsedAt().toInstant(), row.getExpiresAt().toInstant(), row.getUserAgent(),
                row.getRevokedAt() == null ? null : row.getRevokedAt().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
