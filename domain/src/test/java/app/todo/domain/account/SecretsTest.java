package app.todo.domain.account;

import app.todo.domain.user.Email;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Passwords and hashes never print themselves, whatever holds them. */
class SecretsTest {

    @Test
    void a_password_never_prints_itself() {
        PlainPassword password = new PlainPassword("open sesame");

        assertFalse(password.toString().contains("open sesame"));
        assertEquals("open sesame", password.value());
    }

    @Test
    void a_credential_never_prints_its_hash() {
        Credential credential = new Credential(new UserId("u1"), new Email("ana@example.com"),
                new PasswordHash("$argon2id$secret-digest"));

        assertFalse(credential.toString().contains("secret-digest"), credential.toString());
    }

    @Test
    void a_hash_cannot_be_blank() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash(" "));
    }
}
