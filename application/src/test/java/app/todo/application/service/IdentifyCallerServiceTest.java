package app.todo.application.service;

import app.todo.application.memory.InMemoryUserRepository;
import app.todo.application.port.in.CallerError;
import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.domain.shared.Result;
import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class IdentifyCallerServiceTest {

    private static final UserId ID = new UserId("3fHk0sLq9vX2");

    private final MutableClock clock = new MutableClock(TaskServices.START);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final IdentifyCallerService service = new IdentifyCallerService(users, clock);

    @Test
    void provisionsAFirstTimeCallerFromTheToken() {
        User user = ok(identify("Alice@Example.com", "Alice", false, false));

        assertEquals(new User(ID, new Email("alice@example.com"), "Alice", Role.USER, false, TaskServices.START), user);
        assertEquals(Optional.of(user), users.find(ID));
    }

    @Test
    void keepsTheStoredUserOnLaterCalls() {
        User first = ok(identify("alice@example.com", "Alice", false, false));
        clock.advance(Duration.ofDays(1));

        User later = ok(identify("other@example.com", "Renamed", false, false));

        assertEquals(first, later);
        assertEquals(Optional.of(first), users.find(ID));
    }

    @Test
    void refusesABannedCallerWithoutProvisioning() {
        assertEquals(new CallerError.Banned(ID.value()), err(identify(null, null, false, true)));
        assertEquals(Optional.empty(), users.find(ID));
    }

    @Test
    void refusesADisabledUserEvenWithAnAdminClaim() {
        users.addIfAbsent(User.newcomer(ID, null, null, Role.USER, TaskServices.START).withDisabled(true));
        assertEquals(new CallerError.Disabled(ID.value()), err(identify(null, null, true, false)));
    }

    @Test
    void grantsAdminFromTheClaim() {
        assertTrue(ok(identify(null, null, true, false)).isAdmin(), "a newcomer with the claim");
        assertEquals(Role.ADMIN, users.find(ID).orElseThrow().role());

        UserId known = new UserId("known");
        users.addIfAbsent(User.newcomer(known, null, null, Role.USER, TaskServices.START));
        User claimed = ok(service.identifyCaller(new IdentifyCallerCommand(known, null, null, true, false)));
        assertTrue(claimed.isAdmin(), "a known user with the claim");
    }

    @Test
    void withoutTheClaimANewcomerIsAPlainUser() {
        assertFalse(ok(identify(null, null, false, false)).isAdmin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "", "a@b"})
    void ignoresAnInvalidEmailClaim(String email) {
        User user = ok(identify(email, "Alice", false, false));
        assertNull(user.email());
        assertEquals("Alice", user.name());
        assertEquals(Optional.of(user), users.find(ID));
    }

    private Result<User, CallerError> identify(String email, String name, boolean admin, boolean banned) {
        return service.identifyCaller(new IdentifyCallerCommand(ID, email, name, admin, banned));
    }

    private static User ok(Result<User, CallerError> result) {
        return switch (result) {
            case Result.Ok<User, CallerError> ok -> ok.value();
            case Result.Err<User, CallerError> err -> fail("expected a user, got " + err.error());
        };
    }

    private static CallerError err(Result<User, CallerError> result) {
        return switch (result) {
            case Result.Err<User, CallerError> err -> err.error();
            case Result.Ok<User, CallerError> ok -> fail("expected a refusal, got " + ok.value());
        };
    }
}
