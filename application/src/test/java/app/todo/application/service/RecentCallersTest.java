package app.todo.application.service;

import app.todo.application.testing.MutableClock;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.CallerError;
import app.todo.application.port.in.Administrator;
import app.todo.application.port.in.ChangeUserCommand;
import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.domain.task.Change;
import app.todo.domain.user.IdentitySource;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserChanges;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static app.todo.application.service.Outcomes.error;
import static app.todo.application.service.Outcomes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remembered callers: one lookup per burst, changes here seen at once, elsewhere within the time to live. */
class RecentCallersTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryStore store = new InMemoryStore();
    private final RecentCallers recent = new RecentCallers(clock, TTL, 100);
    private final IdentifyCallerService identify = new IdentifyCallerService(store.users(), clock, recent);
    private final User admin = store.users().addIfAbsent(User.newcomer(new UserId("admin"), null, "A", Role.ADMIN, T0));
    private final UserId ana = new UserId("ana");

    private IdentifyCallerCommand ana() {
        return new IdentifyCallerCommand(ana, "ana@example.com", "Ana", IdentitySource.JWKS, false, false);
    }

    @Test
    void aChangeMadeThroughThisInstanceIsSeenAtOnce() {
        value(identify.identifyCaller(ana()));
        ChangeUserService changeUser = new ChangeUserService(store.userDirectory(), store.users(), recent);

        value(Administrator.of(admin).flatMap(a -> changeUser.changeUser(new ChangeUserCommand(a, ana, Change.keep(), Change.to(true)))));

        assertEquals(new CallerError.Disabled("ana"), error(identify.identifyCaller(ana())));
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceTheEntryExpires() {
        value(identify.identifyCaller(ana()));
        // Another instance disables her: this instance's memory is not told.
        assertTrue(store.userDirectory().change(ana, new UserChanges(Optional.empty(), Optional.of(true))).isPresent());

        clock.advance(TTL.minusSeconds(1));
        assertEquals("ana", value(identify.identifyCaller(ana())).id().value(), "still remembered");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new CallerError.Disabled("ana"), error(identify.identifyCaller(ana())));
    }

    @Test
    void withTheProductionDefaultAChangeMadeElsewhereIsSeenWithinFiveSeconds() {
        // The README promises other instances see an admin's change within 5 s: the default the wiring uses.
        RecentCallers production = new RecentCallers(clock, RecentCallers.DEFAULT_TTL, RecentCallers.DEFAULT_MAX_ENTRIES);
        IdentifyCallerService identifyHere = new IdentifyCallerService(store.users(), clock, production);
        value(identifyHere.identifyCaller(ana()));
        assertTrue(store.userDirectory().change(ana, new UserChanges(Optional.empty(), Optional.of(true))).isPresent());

        clock.advance(Duration.ofSeconds(5));

        assertEquals(new CallerError.Disabled("ana"), error(identifyHere.identifyCaller(ana())),
                "5 s after another instance disabled her, this one refuses her");
        assertTrue(RecentCallers.DEFAULT_TTL.compareTo(Duration.ZERO) > 0, "the default remembers callers at all");
    }

    @Test
    void rememberingIsBoundedAndCanBeSwitchedOff() {
        RecentCallers tiny = new RecentCallers(clock, TTL, 2);
        for (int i = 0; i < 10; i++) {
            tiny.remember(User.newcomer(new UserId("u" + i), null, null, Role.USER, T0));
        }
        assertTrue(tiny.get(new UserId("u0")).isEmpty(), "old entries were dropped to stay within bounds");
        assertTrue(tiny.get(new UserId("u9")).isPresent());

        RecentCallers none = RecentCallers.none();
        none.remember(admin);
        assertTrue(none.get(admin.id()).isEmpty());
    }
}
