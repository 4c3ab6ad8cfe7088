package app.todo.application.service;

import app.todo.application.port.in.ClaimAdminCommand;

import app.todo.application.port.in.AdminError;

import app.todo.application.memory.InMemoryPasswordHasher;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.SignUpCommand;
import app.todo.application.port.out.Race;
import app.todo.domain.account.Credential;
import app.todo.domain.account.PlainPassword;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import app.todo.domain.user.Email;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static app.todo.application.service.Outcomes.error;
import static app.todo.application.service.Outcomes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignUpServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T17:35:01.123456Z");
    private static final PlainPassword PASSWORD = new PlainPassword("s3cret-enough");

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    private final SignUpService service = new SignUpService(store.users(), store.credentials(), hasher,
            store.transactions(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void creates_a_user_with_a_fresh_opaque_id_and_a_hashed_credential() {
        User user = value(service.signUp(new SignUpCommand(" Ana@Example.COM ", PASSWORD, "  Ana Lima ")));

        assertTrue(user.id().value().matches("[A-Za-z0-9_-]{32}"), user.id().value());
        assertEquals(new Email("ana@example.com"), user.email());
        assertEquals("Ana Lima", user.name());
        assertEquals(Role.USER, user.role());
        assertFalse(user.disabled());
        assertEquals(NOW, user.createdAt());
        assertEquals(user, store.users().find(user.id()).orElseThrow());
        Credential credential = store.credentials().findByEmail(new Email("ana@example.com")).orElseThrow();
        assertEquals(user.id(), credential.userId());
        assertFalse(credential.passwordHash().encoded().contains(PASSWORD.value()));
        assertTrue(hasher.verify(PASSWORD, credential.passwordHash()));
    }

    @Test
    void every_account_gets_its_own_id() {
        User first = value(service.signUp(new SignUpCommand("one@example.com", PASSWORD, null)));
        User second = value(service.signUp(new SignUpCommand("two@example.com", PASSWORD, null)));

        assertNotEquals(first.id(), second.id());
    }

    @Test
    void a_blank_name_counts_as_none() {
        assertNull(value(service.signUp(new SignUpCommand("ana@example.com", PASSWORD, "   "))).name());
    }

    /** Trust review finding 6: an ADMIN_EMAILS address is proven with the bootstrap token, not by signing up first. */
    @Test
    void every_new_account_is_an_own_plain_user_until_an_admin_email_is_proven() {
        AdminBootstrap bootstrap = AdminBootstrap.forEmails(java.util.Set.of(new Email("boss@example.com")));
        ClaimAdminService claim = new ClaimAdminService(bootstrap, store.adminClaims(), store.userDirectory(),
                store.transactions(), RecentCallers.none(), java.time.Clock.systemUTC());
        User boss = value(service.signUp(new SignUpCommand("BOSS@example.com", PASSWORD, null)));
        User other = value(service.signUp(new SignUpCommand("other@example.com", PASSWORD, null)));
        String token = bootstrap.tokensToAnnounce().get(new Email("boss@example.com"));

        assertEquals(Role.USER, boss.role());
        assertEquals(app.todo.domain.user.IdentitySource.Origin.OWN, boss.origin());
        assertEquals(new AdminError.ClaimRefused(), error(claim.claimAdmin(new ClaimAdminCommand(other, token))),
                "another address cannot use it");
        assertEquals(new AdminError.ClaimRefused(), error(claim.claimAdmin(new ClaimAdminCommand(boss, token + "x"))),
                "a wrong token");
        User claimingTheAddress = User.newcomer(new app.todo.domain.user.UserId("hs-boss"), new Email("boss@example.com"),
                null, Role.USER, TaskServices.START, app.todo.domain.user.IdentitySource.Origin.SHARED_SECRET);
        assertEquals(new AdminError.ClaimRefused(), error(claim.claimAdmin(new ClaimAdminCommand(claimingTheAddress, token))),
                "an external token's email claim is unverified: it never redeems, nor spends, the token");
        assertEquals(Role.ADMIN, value(claim.claimAdmin(new ClaimAdminCommand(boss, token))).role());
        assertEquals(Role.ADMIN, store.users().find(boss.id()).orElseThrow().role(), "stored: a local grant");
        assertEquals(new AdminError.ClaimRefused(), error(claim.claimAdmin(new ClaimAdminCommand(boss, token))),
                "spent after one use");
    }

    /** Each instance prints tokens of its own: after the first claim anywhere, no other instance's token works. */
    @Test
    void an_address_claims_once_across_instances_so_a_demoted_admin_cannot_promote_themself_again() {
        Email address = new Email("chief@example.com");
        AdminBootstrap instanceA = AdminBootstrap.forEmails(java.util.Set.of(address));
        AdminBootstrap instanceB = AdminBootstrap.forEmails(java.util.Set.of(address));
        ClaimAdminService claimOnA = new ClaimAdminService(instanceA, store.adminClaims(), store.userDirectory(),
                store.transactions(), RecentCallers.none(), java.time.Clock.systemUTC());
        ClaimAdminService claimOnB = new ClaimAdminService(instanceB, store.adminClaims(), store.userDirectory(),
                store.transactions(), RecentCallers.none(), java.time.Clock.systemUTC());
        User chief = value(service.signUp(new SignUpCommand("chief@example.com", PASSWORD, null)));

        assertEquals(Role.ADMIN, value(claimOnA.claimAdmin(new ClaimAdminCommand(chief,
                instanceA.tokensToAnnounce().get(address)))).role());
        store.userDirectory().change(chief.id(), new app.todo.domain.user.UserChanges(java.util.Optional.of(Role.USER),
                java.util.Optional.empty()));

        assertEquals(new AdminError.ClaimRefused(), error(claimOnB.claimAdmin(new ClaimAdminCommand(chief,
                instanceB.tokensToAnnounce().get(address)))), "B's token, after the claim on A");
        assertEquals(Role.USER, store.users().find(chief.id()).orElseThrow().role(), "the demotion holds");
    }

    private static <T, E> E error(Result<T, E> result) {
        return switch (result) {
            case Result.Err<T, E> err -> err.error();
            case Result.Ok<T, E> ok -> throw new AssertionError("expected an error, got " + ok.value());
        };
    }

    @Test
    void reports_every_invalid_field_at_once_and_stores_nothing() {
        Result<User, AccountError> result = service.signUp(new SignUpCommand("not an email", null,
                "x".repeat(SignUpService.MAX_NAME_LENGTH + 1)));

        AccountError.InvalidAccount invalid = assertInstanceOf(AccountError.InvalidAccount.class, error(result));
        assertEquals(List.of("email", "password", "name"), invalid.errors().stream().map(FieldError::field).toList());
        assertEquals("is required", invalid.errors().get(1).message());
        assertEquals(0, hasher.hashes());
    }

    @ParameterizedTest(name = "{0} x \"{1}\" is accepted: {2}")
    @CsvSource({
            "7, a, false",
            "8, a, true",
            "128, a, true",
            "129, a, false",
            "8, 🐎, true",
            "128, 🐎, true",
            "129, 🐎, false",
    })
    void a_password_must_be_8_to_128_characters_counted_in_code_points(int count, String unit, boolean accepted) {
        PlainPassword password = new PlainPassword(unit.repeat(count));

        Result<User, AccountError> result = service.signUp(new SignUpCommand("ana@example.com", password, null));

        assertEquals(accepted, result.isOk(), () -> result.toString());
        if (!accepted) {
            FieldError problem = ((AccountError.InvalidAccount) error(result)).errors().getFirst();
            assertEquals(new FieldError("password", "must be 8 to 128 characters long"), problem);
        }
    }

    @Test
    void a_registered_email_in_any_letter_case_is_taken_and_costs_no_hash() {
        value(service.signUp(new SignUpCommand("ana@example.com", PASSWORD, null)));

        Result<User, AccountError> again = service.signUp(new SignUpCommand("ANA@example.com", PASSWORD, "Other"));

        assertInstanceOf(AccountError.EmailTaken.class, error(again));
        assertEquals(1, hasher.hashes());
    }

    @Test
    void of_two_racing_sign_ups_with_one_email_one_wins_and_the_other_is_told_it_is_taken() throws Exception {
        List<Result<User, AccountError>> results = Race.run(2,
                i -> () -> service.signUp(new SignUpCommand("race@example.com", PASSWORD, "racer " + i)));

        assertEquals(1, results.stream().filter(Result::isOk).count(), results.toString());
        assertTrue(results.stream().anyMatch(r -> r instanceof Result.Err<User, AccountError> err
                && err.error() instanceof AccountError.EmailTaken), results.toString());
        User winner = results.stream().filter(Result::isOk).map(Outcomes::value).findFirst().orElseThrow();
        assertEquals(winner.id(), store.credentials().findByEmail(new Email("race@example.com")).orElseThrow().userId());
    }
}
