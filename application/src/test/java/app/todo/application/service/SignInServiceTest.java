package app.todo.application.service;

import app.todo.application.memory.InMemoryPasswordHasher;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.SignInCommand;
import app.todo.application.port.in.SignUpCommand;
import app.todo.domain.account.PlainPassword;
import app.todo.domain.shared.FieldError;
import app.todo.domain.user.User;
import app.todo.domain.user.UserChanges;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static app.todo.application.service.Outcomes.error;
import static app.todo.application.service.Outcomes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class SignInServiceTest {

    private static final PlainPassword PASSWORD = new PlainPassword("s3cret-enough");

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    private final SignInService service = new SignInService(store.credentials(), store.users(), hasher);
    private final User ana = value(new SignUpService(store.users(), store.credentials(), hasher, store.transactions(),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC))
            .signUp(new SignUpCommand("ana@example.com", PASSWORD, "Ana")));

    @Test
    void the_right_password_signs_the_user_in_whatever_the_emails_case() {
        assertEquals(ana, value(service.signIn(new SignInCommand(" ANA@Example.com", PASSWORD))));
    }

    @Test
    void an_unknown_email_and_a_wrong_password_fail_alike_and_cost_one_verification_each() {
        int before = hasher.verifications();

        AccountError wrongPassword = error(service.signIn(new SignInCommand("ana@example.com",
                new PlainPassword("s3cret-enougH"))));
        int afterWrongPassword = hasher.verifications();
        AccountError unknownEmail = error(service.signIn(new SignInCommand("bob@example.com", PASSWORD)));
        int afterUnknownEmail = hasher.verifications();
        AccountError malformedEmail = error(service.signIn(new SignInCommand("no-at-sign", PASSWORD)));

        assertInstanceOf(AccountError.InvalidCredentials.class, wrongPassword);
        assertEquals(wrongPassword, unknownEmail);
        assertEquals(wrongPassword, malformedEmail);
        assertEquals(List.of(1, 1, 1), List.of(afterWrongPassword - before, afterUnknownEmail - afterWrongPassword,
                hasher.verifications() - afterUnknownEmail));
    }

    @Test
    void missing_fields_are_named() {
        AccountError.InvalidAccount invalid = assertInstanceOf(AccountError.InvalidAccount.class,
                error(service.signIn(new SignInCommand(null, null))));

        assertEquals(List.of(new FieldError("email", "is required"), new FieldError("password", "is required")),
                invalid.errors());
    }

    @Test
    void a_disabled_user_is_refused_but_only_told_so_with_the_right_password() {
        store.userDirectory().change(ana.id(), new UserChanges(Optional.empty(), Optional.of(true)));

        AccountError right = error(service.signIn(new SignInCommand("ana@example.com", PASSWORD)));
        AccountError wrong = error(service.signIn(new SignInCommand("ana@example.com", new PlainPassword("guess-guess"))));

        assertInstanceOf(AccountError.AccountDisabled.class, right);
        assertInstanceOf(AccountError.InvalidCredentials.class, wrong);
    }
}
