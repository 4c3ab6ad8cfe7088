package app.todo.application.port.out;

import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;

/**
 * Turns passwords into slow, salted hashes and checks them. Implementations never log a password or
 * a hash.
 */
public interface PasswordHasher {

    /** A new hash with a fresh salt: hashing the same password twice gives two different hashes. */
    PasswordHash hash(PlainPassword password);

    /** Whether the password is the one the hash was made from; false for a hash it cannot read. */
    boolean verify(PlainPassword password, PasswordHash hash);

    /**
     * Spends the time of a {@link #verify} when there is no hash to check against (an unknown email),
     * so that the answer's timing does not tell which emails are registered.
     */
    void verifyWithoutHash(PlainPassword password);
}
