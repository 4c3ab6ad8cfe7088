package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.testing.TestH2;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import app.todo.application.port.out.SessionRepository;
import app.todo.domain.account.Session;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.REFRESH_TOKENS;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ended sessions and long-spent refresh tokens leave the tables, so a busy client leaves bounded rows behind. */
class EndedSessionCleanupTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void revokedAndExpiredSessionsGoADayAfterTheyEndedAndSpentTokensADayAfterTheirUse(String store) {
        // A database of its own: the once-a-minute clean-up keeps its time per repository.
        try (JooqDatabase database = JooqDatabase.connect(store.equals("h2") ? TestH2.newDatabase() : TestPostgres.newDatabase())) {
            check(database);
        }
    }

    private static void check(JooqDatabase database) {
        SessionRepository sessions = database.sessionRepository();
        DSLContext dsl = database.dsl();
        UserId user = new UserId("cleanup-" + UUID.randomUUID());
        database.userRepository().addIfAbsent(User.ownAccount(user, null, null, Role.USER, T0));

        Session revoked = open(sessions, user, T0, T0.plus(WEEK));
        Session expired = open(sessions, user, T0, T0.plus(Duration.ofHours(1)));
        String refresh = "r0-" + UUID.randomUUID();
        Session busy = new Session(UUID.randomUUID().toString(), user, T0, T0, T0.plus(WEEK), "app", null);
        sessions.create(busy, refresh);
        sessions.revoke(revoked.id(), T0);
        for (int i = 1; i <= 50; i++) { // a refresh a minute for 50 minutes, then one more a day later
            String next = "r" + i + "-" + UUID.randomUUID();
            sessions.rotate(refresh, next, T0.plus(Duration.ofMinutes(i)), T0.plus(WEEK), T0.plus(Duration.ofMinutes(i)));
            refresh = next;
        }
        assertEquals(51, dsl.fetchCount(REFRESH_TOKENS, REFRESH_TOKENS.SESSION_ID.eq(busy.id())));

        Instant nextDay = T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
        sessions.rotate(refresh, "last-" + UUID.randomUUID(), nextDay, nextDay.plus(WEEK), nextDay);

        assertTrue(sessions.find(revoked.id()).isEmpty(), "revoked more than a day ago");
        assertTrue(sessions.find(expired.id()).isEmpty(), "expired more than a day ago");
        assertTrue(sessions.find(busy.id()).isPresent(), "a live session stays");
        assertEquals(2, dsl.fetchCount(REFRESH_TOKENS, REFRESH_TOKENS.SESSION_ID.eq(busy.id())),
                "the token just spent and the new one; those spent a day ago are gone");
        assertEquals(1, dsl.fetchCount(SESSIONS, SESSIONS.USER_ID.eq(user.value())));
    }

    private static Session open(SessionRepository sessions, UserId user, Instant at, Instant expires) {
        Session session = new Session(UUID.randomUUID().toString(), user, at, at, expires, "curl/8", null);
        sessions.create(session, "h-" + UUID.randomUUID());
        return session;
    }
}
