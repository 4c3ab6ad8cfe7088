package app.todo.application.port.out;

import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link PasswordHasher} must do. Kept to a few hashes, since real ones are slow on purpose. */
public abstract class PasswordHasherContract {

    private static final PlainPassword RIGHT = new PlainPassword("correct horse battery 🐎");
    private static final PlainPassword WRONG = new PlainPassword("correct horse battery 🐴");

    protected abstract PasswordHasher hasher();

    @Test
    void verifies_the_password_a_hash_was_made_from_and_nothing_else() {
        PasswordHash hash = hasher().hash(RIGHT);

        assertTrue(hasher().verify(RIGHT, hash));
        assertFalse(hasher().verify(WRONG, hash));
        assertFalse(hash.encoded().contains(RIGHT.value()), "a hash must not contain its password");
    }

    @Test
    void salts_every_hash() {
        assertNotEquals(hasher().hash(RIGHT), hasher().hash(RIGHT));
    }

    @Test
    void a_hash_it_cannot_read_verifies_nothing_and_throws_nothing() {
        assertFalse(hasher().verify(RIGHT, new PasswordHash("not-a-hash")));
        assertFalse(hasher().verify(RIGHT, new PasswordHash("$argon2id$v=19$m=8,t=1,p=1$broken")));
    }

    @Test
    void spends_verification_time_without_a_hash_quietly() {
        assertDoesNotThrow(() -> hasher().verifyWithoutHash(RIGHT));
    }
}
