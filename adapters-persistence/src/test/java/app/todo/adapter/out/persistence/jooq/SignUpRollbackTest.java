package app.todo.adapter.out.persistence.jooq;

import app.todo.application.memory.InMemoryPasswordHasher;
import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.SignUpCommand;
import app.todo.application.port.out.CredentialRepository;
import app.todo.application.service.SignUpService;
import app.todo.domain.account.Credential;
import app.todo.domain.account.PlainPassword;
import app.todo.domain.shared.Result;
import app.todo.domain.user.Email;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.CREDENTIALS;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sign-up that loses the race for its email must leave nothing behind: its users row is rolled back
 * with the refused credential, on the real databases (the in-memory store cannot roll back).
 */
class SignUpRollbackTest {

    private static final PlainPassword PASSWORD = new PlainPassword("correct horse battery");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void a_sign_up_beaten_to_its_email_leaves_no_user_behind(String which) {
        JooqDatabase database = which.equals("h2") ? SharedTestDatabases.h2() : SharedTestDatabases.postgres();
        String email = "race-" + UUID.randomUUID() + "@example.com";
        SignUpService first = signUps(database, database.credentialRepository());
        SignUpService late = signUps(database, new NotYetSeeingOthers(database.credentialRepository()));

        assertTrue(first.signUp(new SignUpCommand(email, PASSWORD, "First")).isOk());
        Result<?, AccountError> lost = late.signUp(new SignUpCommand(email.toUpperCase(), PASSWORD, "Late"));

        assertInstanceOf(AccountError.EmailTaken.class, ((Result.Err<?, AccountError>) lost).error());
        assertEquals(1, database.dsl().fetchCount(USERS, USERS.EMAIL.eq(email)), "the late user row was rolled back");
        assertEquals(1, database.dsl().fetchCount(CREDENTIALS, CREDENTIALS.EMAIL.eq(email)));
    }

    private static SignUpService signUps(JooqDatabase database, CredentialRepository credentials) {
        return new SignUpService(database.userRepository(), credentials, new InMemoryPasswordHasher(),
                database.transactions(), Clock.systemUTC());
    }

    /**
     * The credentials as a sign-up sees them when a racing sign-up of the same email has not committed
     * yet: its early check finds nothing, so only the insert can tell.
     */
    private record NotYetSeeingOthers(CredentialRepository stored) implements CredentialRepository {

        @Override
        public Optional<Credential> findByEmail(Email email) {
            return Optional.empty();
        }

        @Override
        public Optional<Credential> findByUser(app.todo.domain.user.UserId user) {
            return stored.findByUser(user);
        }

        @Override
        public Optional<app.todo.domain.account.PasswordHash> passwordHashForUpdate(app.todo.domain.user.UserId user) {
            return stored.passwordHashForUpdate(user);
        }

        @Override
        public boolean replacePasswordHash(app.todo.domain.user.UserId user, app.todo.domain.account.PasswordHash hash) {
            return stored.replacePasswordHash(user, hash);
        }

        @Override
        public Addition addUnlessEmailTaken(Credential credential) {
            return stored.addUnlessEmailTaken(credential);
        }
    }
}
