package app.todo.application.service;

import app.todo.application.testing.MutableClock;
import app.todo.application.memory.InMemoryUserRepository;
import app.todo.application.port.in.CallerError;
import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.domain.shared.Result;
import app.todo.domain.user.Email;
import app.todo.domain.user.IdentitySource;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

        assertEquals(User.newcomer(ID, new Email("alice@example.com"), "Alice", Role.USER, TaskServices.START,
                IdentitySource.Origin.BETTER_AUTH), user, "remembering which source introduced it");
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

    /** Finding 1 of the trust review: a claimed admin role held for one token, never stored. */
    @Test
    void aTrustedAdminClaimGrantsAdminForThatRequestOnlyAndIsNeverStored() {
        assertTrue(ok(identify(null, null, true, false)).isAdmin(), "a newcomer with the claim");
        assertEquals(Role.USER, users.find(ID).orElseThrow().role(), "the claim is not a lasting grant");

        assertFalse(ok(identify(null, null, false, false)).isAdmin(), "the next token without the claim is a user");
    }

    @Test
    void withoutTheClaimANewcomerIsAPlainUser() {
        assertFalse(ok(identify(null, null, false, false)).isAdmin());
    }

    /** Finding 2: role and banned are believed only from the sources configured to assert them. */
    @Test
    void claimsOfAnUntrustedSourceAreIgnored() {
        IdentifyCallerCommand claimsEverything = new IdentifyCallerCommand(ID, null, null, IdentitySource.SHARED_SECRET,
                true, true);

        User user = ok(service.identifyCaller(claimsEverything));

        assertFalse(user.isAdmin(), "HS256 claims do not count by default");
        IdentifyCallerService trusting = new IdentifyCallerService(users, clock, RecentCallers.none(),
                Set.of(IdentitySource.SHARED_SECRET));
        assertEquals(new CallerError.Banned(ID.value()), err(trusting.identifyCaller(claimsEverything)));
    }

    /** Finding 3: the service's own key can never be configured to assert claims. */
    @Test
    void theOwnKeyCannotBeTrustedForClaims() {
        assertThrows(IllegalArgumentException.class, () -> new IdentifyCallerService(users, clock, RecentCallers.none(),
                Set.of(IdentitySource.OWN_KEY)));
        User own = users.addIfAbsent(User.ownAccount(new UserId("own-1"), null, null, Role.USER, TaskServices.START));

        User caller = ok(service.identifyCaller(new IdentifyCallerCommand(own.id(), null, null, IdentitySource.OWN_KEY,
                true, false)));

        assertFalse(caller.isAdmin(), "an own token's role claim is ignored: the role is looked up");
    }

    /** Finding 2: sources never vouch for one another's users. */
    @Test
    void anExternalTokenCannotNameAnOwnAccountNorAnOwnTokenAnExternalUser() {
        User own = users.addIfAbsent(User.ownAccount(new UserId("own-2"), null, null, Role.ADMIN, TaskServices.START));
        User external = ok(identify(null, null, false, false));

        for (IdentitySource source : List.of(IdentitySource.SHARED_SECRET, IdentitySource.JWKS)) {
            assertEquals(new CallerError.NotVouchedFor(own.id().value()),
                    err(service.identifyCaller(new IdentifyCallerCommand(own.id(), null, null, source, false, false))));
        }
        assertEquals(new CallerError.NotVouchedFor(external.id().value()), err(service.identifyCaller(
                new IdentifyCallerCommand(external.id(), null, null, IdentitySource.OWN_KEY, false, false))));
    }

    /** Second review, finding 1: external sources speak only for the users they introduced. */
    @Test
    void eachExternalSourceSpeaksOnlyForItsOwnUsersAndLegacyOnesForAnyExternalSource() {
        User betterAuth = ok(identify(null, null, false, false)); // introduced by the JWKS
        assertEquals(new CallerError.NotVouchedFor(ID.value()), err(service.identifyCaller(
                new IdentifyCallerCommand(ID, null, null, IdentitySource.SHARED_SECRET, false, false))));
        assertEquals(betterAuth.id(), ok(service.identifyCaller(
                new IdentifyCallerCommand(ID, null, null, IdentitySource.BETTER_AUTH_SESSION, false, false))).id(),
                "Better Auth's JWKS and its sessions are one identity provider");

        UserId legacy = new UserId("provisioned-before-v7");
        users.addIfAbsent(new User(legacy, null, null, Role.USER, false, TaskServices.START)); // origin 'external'
        for (IdentitySource source : List.of(IdentitySource.SHARED_SECRET, IdentitySource.JWKS)) {
            assertEquals(legacy, ok(service.identifyCaller(
                    new IdentifyCallerCommand(legacy, null, null, source, false, false))).id());
        }
    }

    @Test
    void anOwnTokenForAnUnknownUserProvisionsNothing() {
        UserId nobody = new UserId("nobody");
        assertEquals(new CallerError.NotVouchedFor(nobody.value()), err(service.identifyCaller(
                new IdentifyCallerCommand(nobody, null, null, IdentitySource.OWN_KEY, false, false))));
        assertEquals(Optional.empty(), users.find(nobody));
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
        return service.identifyCaller(new IdentifyCallerCommand(ID, email, name, IdentitySource.JWKS, admin, banned));
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
