package app.todo.application.port.out;

import app.todo.domain.user.UserId;

import app.todo.domain.account.PasswordHash;

import app.todo.domain.account.Credential;
import app.todo.domain.user.Email;

import java.util.Optional;

/**
 * The service's own accounts: one credential per user, emails unique regardless of case
 * ({@link Email} is already lower-case, so a store compares it as is).
 */
public interface CredentialRepository {

    Optional<Credential> findByEmail(Email email);

    Optional<Credential> findByUser(UserId user);

    /**
     * The user's current password hash, its row locked until the surrounding transaction ({@link Transactions})
     * ends: a {@link #replacePasswordHash} elsewhere waits until then. Empty when the user has no credential.
     */
    Optional<PasswordHash> passwordHashForUpdate(UserId user);

    /** Replaces the user's password hash (a password change); false when the user has no credential. */
    boolean replacePasswordHash(UserId user, PasswordHash hash);

    /**
     * Stores the credential unless its email is already registered, and says which happened. Safe when
     * two sign-ups with the same email race: exactly one is {@link Addition#ADDED}. The credential's
     * user must already be stored, in the same transaction.
     */
    Addition addUnlessEmailTaken(Credential credential);

    enum Addition { ADDED, EMAIL_TAKEN }
}
