package app.todo.application.service;

import app.todo.application.memory.InMemoryPasswordHasher;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.SignInCommand;
import app.todo.application.port.in.SignInUseCase;
import app.todo.application.port.out.PasswordHasher;
import app.todo.domain.account.PasswordHash;
import app.todo.application.port.in.SignUpCommand;
import app.todo.domain.account.PlainPassword;
import app.todo.domain.shared.FieldError;
import app.todo.domain.user.User;
import app.todo.domain.user.UserChanges;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
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
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    private final StartSessionService sessions = new StartSessionService(store.sessions(), CLOCK, Duration.ofDays(7));
    private final SignInService service = signInWith(hasher);
    private final User ana = value(new SignUpService(store.users(), store.credentials(), hasher, store.transactions(),
            CLOCK).signUp(new SignUpCommand("ana@example.com", PASSWORD, "Ana")));

    private SignInService signInWith(PasswordHasher passwords) {
        return new SignInService(store.credentials(), store.users(), passwords, store.transactions(), sessions);
    }

    @Test
    void the_right_password_signs_the_user_in_whatever_the_emails_case_and_opens_a_session() {
        SignInUseCase.SignedIn signedIn = value(service.signIn(new SignInCommand(" ANA@Example.com", PASSWORD)
                .withUserAgent("Firefox")));

        assertEquals(ana, signedIn.user());
        assertEquals(List.of(signedIn.issued().session()), store.sessions().liveSessionsOf(ana.id(), CLOCK.instant()));
        assertEquals("Firefox", signedIn.issued().session().userAgent());
    }

    /** The password changes while it is being checked: the old one must not open a session that outlives it. */
    @Test
    void a_password_changed_during_the_check_opens_no_session() {
        PasswordHasher changedMeanwhile = new PasswordHasher() {
            @Override
            public PasswordHash hash(PlainPassword password) {
                return hasher.hash(password);
            }

            @Override
            public boolean verify(PlainPassword password, PasswordHash hash) {
                boolean right = hasher.verify(password, hash);
                store.credentials().replacePasswordHash(ana.id(), hasher.hash(new PlainPassword("a-new-s3cret")));
                return right;
            }

            @Override
            public void verifyWithoutHash(PlainPassword password) {
                hasher.verifyWithoutHash(password);
            }
        };

        AccountError refused = error(signInWith(changedMeanwhile).signIn(new SignInCommand("ana@example.com", PASSWORD)));

        assertInstanceOf(AccountError.InvalidCredentials.class, refused);
        assertEquals(List.of(), store.sessions().liveSessionsOf(ana.id(), CLOCK.instant()));
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
