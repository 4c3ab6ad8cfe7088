package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.CredentialRepository;
import app.todo.domain.account.Credential;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.user.Email;
import app.todo.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.Optional;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.CREDENTIALS;

public final class JooqCredentialRepository implements CredentialRepository {

    private final DSLContext dsl;

    public JooqCredentialRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Credential> findByEmail(Email email) {
        return StorageFailures.translated(() -> dsl.selectFrom(CREDENTIALS)
                .where(CREDENTIALS.EMAIL.eq(email.value()))
                .fetchOptional()
                .map(JooqCredentialRepository::toCredential));
    }

    @Override
    public Optional<Credential> findByUser(UserId user) {
        return StorageFailures.translated(() -> dsl.selectFrom(CREDENTIALS)
                .where(CREDENTIALS.USER_ID.eq(user.value()))
                .fetchOptional()
                .map(JooqCredentialRepository::toCredential));
    }

    @Override
    public Optional<PasswordHash> passwordHashForUpdate(UserId user) {
        return StorageFailures.translated(() -> dsl.select(CREDENTIALS.PASSWORD_HASH).from(CREDENTIALS)
                .where(CREDENTIALS.USER_ID.eq(user.value()))
                .forUpdate()
                .fetchOptional(CREDENTIALS.PASSWORD_HASH)
                .map(PasswordHash::new));
    }

    @Override
    public boolean replacePasswordHash(UserId user, PasswordHash hash) {
        return StorageFailures.translated(() -> dsl.update(CREDENTIALS)
                .set(CREDENTIALS.PASSWORD_HASH, hash.encoded())
                .where(CREDENTIALS.USER_ID.eq(user.value()))
                .execute() == 1);
    }

    private static Credential toCredential(app.todo.adapter.out.persistence.jooq.generated.tables.records.CredentialsRecord row) {
        return new Credential(new UserId(row.getUserId()), new Email(row.getEmail()), new PasswordHash(row.getPasswordHash()));
    }

    @Override
    public Addition addUnlessEmailTaken(Credential credential) {
        return StorageFailures.translated(() -> {
            try {
                // ON CONFLICT waits for a racing insert of the same email and then does nothing: the row
                // count says who won, and the transaction stays usable (a unique violation would abort it
                // on PostgreSQL). Only the email may clash; a second credential for a user is a bug.
                int inserted = dsl.insertInto(CREDENTIALS)
                        .set(CREDENTIALS.USER_ID, credential.userId().value())
                        .set(CREDENTIALS.EMAIL, credential.email().value())
                        .set(CREDENTIALS.PASSWORD_HASH, credential.passwordHash().encoded())
                        .onConflict(CREDENTIALS.EMAIL).doNothing()
                        .execute();
                return inserted == 1 ? Addition.ADDED : Addition.EMAIL_TAKEN;
            } catch (IntegrityConstraintViolationException e) {
                // H2 emulates ON CONFLICT with MERGE, which a concurrent insert can still beat.
                if (UniqueViolations.of(e, "credentials_email_uk")) {
                    return Addition.EMAIL_TAKEN;
                }
                throw e;
            }
        });
    }
}
