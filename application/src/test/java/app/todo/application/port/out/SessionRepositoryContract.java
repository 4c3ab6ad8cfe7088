package app.todo.application.port.out;

import app.todo.application.port.out.SessionRepository.Rotation;
import app.todo.domain.account.Session;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link SessionRepository} must do: rotation with reuse detection, revocation, listing. */
public abstract class SessionRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private SessionRepository sessions;
    private UserId user;

    /** The sessions under test and the users they belong to (sessions need their user stored). */
    public record Store(SessionRepository sessions, UserRepository users) {
    }

    protected abstract Store newStore();

    @BeforeEach
    void open() {
        Store store = newStore();
        sessions = store.sessions();
        user = new UserId("sess-" + UUID.randomUUID());
        store.users().addIfAbsent(User.ownAccount(user, null, null, Role.USER, T0));
    }

    private Session newSession(String hash) {
        Session session = new Session(UUID.randomUUID().toString(), user, T0, T0, T0.plus(WEEK), "curl/8", null);
        sessions.create(session, hash);
        return session;
    }

    private static String hash() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aRefreshTokenRotatesOnceAndSlidesTheSession() {
        String first = hash();
        Session session = newSession(first);
        String second = hash();
        Instant later = T0.plus(Duration.ofHours(1));

        Rotation rotation = sessions.rotate(first, second, later, later.plus(WEEK), later);

        Session rotated = assertInstanceOf(Rotation.Rotated.class, rotation).session();
        assertEquals(session.id(), rotated.id());
        assertEquals(later.plus(WEEK), rotated.expiresAt());
        assertEquals(later, sessions.find(session.id()).orElseThrow().lastUsedAt());
        assertInstanceOf(Rotation.Rotated.class, sessions.rotate(second, hash(), later, later.plus(WEEK), later),
                "the new token works");
    }

    @Test
    void aSpentTokenUsedAgainRevokesTheWholeSession() {
        String first = hash();
        Session session = newSession(first);
        String second = hash();
        sessions.rotate(first, second, T0, T0.plus(WEEK), T0);

        assertEquals(new Rotation.Reused(session.id()), sessions.rotate(first, hash(), T0, T0.plus(WEEK), T0));
        assertFalse(sessions.find(session.id()).orElseThrow().isLive(T0));
        assertEquals(new Rotation.Ended(session.id()), sessions.rotate(second, hash(), T0, T0.plus(WEEK), T0),
                "the thief's and the owner's tokens are both dead");
    }

    /** Two tabs share one refresh token and refresh at the same moment: both carry on, the session too. */
    @Test
    void aTokenSpentWithinTheGraceIsRotatedAgainBesideItsFirstSuccessor() {
        String first = hash();
        Session session = newSession(first);
        String second = hash();
        String third = hash();
        Instant moment = T0.plusSeconds(3);
        sessions.rotate(first, second, T0, T0.plus(WEEK), T0);

        assertInstanceOf(Rotation.Rotated.class, sessions.rotate(first, third, moment, moment.plus(WEEK),
                moment.minusSeconds(10)));
        assertInstanceOf(Rotation.Rotated.class, sessions.rotate(second, hash(), moment, moment.plus(WEEK), moment),
                "the first tab's token works");
        assertInstanceOf(Rotation.Rotated.class, sessions.rotate(third, hash(), moment, moment.plus(WEEK), moment),
                "the second tab's token works");
        assertTrue(sessions.find(session.id()).orElseThrow().isLive(moment));
        assertEquals(new Rotation.Reused(session.id()), sessions.rotate(first, hash(), moment.plusSeconds(20),
                moment.plus(WEEK), moment.plusSeconds(10)), "after the grace the same token is a replay");
    }

    @Test
    void unknownAndExpiredTokensDoNotRotate() {
        String token = hash();
        Session session = newSession(token);

        assertEquals(new Rotation.Unknown(), sessions.rotate(hash(), hash(), T0, T0.plus(WEEK), T0));
        assertEquals(new Rotation.Ended(session.id()), sessions.rotate(token, hash(), T0.plus(WEEK),
                T0.plus(WEEK).plus(WEEK), T0.plus(WEEK)));
    }

    @Test
    void revokingEndsOneSessionOrAllButOneAndListingShowsTheLiveOnesNewestFirst() {
        Session a = newSession(hash());
        Session b = newSession(hash());
        Session c = newSession(hash());

        assertTrue(sessions.revoke(a.id(), T0));
        assertFalse(sessions.revoke("no-such-session", T0));
        List<Session> live = sessions.liveSessionsOf(user, T0);
        assertEquals(2, live.size());
        assertTrue(live.stream().noneMatch(s -> s.id().equals(a.id())));

        sessions.revokeAllOf(user, T0, Optional.of(c.id()));
        assertEquals(List.of(c.id()), sessions.liveSessionsOf(user, T0).stream().map(Session::id).toList());
        assertFalse(sessions.find(b.id()).orElseThrow().isLive(T0));
    }
}
