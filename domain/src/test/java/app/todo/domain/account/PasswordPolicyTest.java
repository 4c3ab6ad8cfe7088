package app.todo.domain.account;

import app.todo.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordPolicyTest {

    @Test
    void accepts_8_to_128_code_points() {
        PlainPassword shortest = new PlainPassword("🔑".repeat(8));
        PlainPassword longest = new PlainPassword("a".repeat(128));

        assertSame(shortest, PasswordPolicy.acceptable("password", shortest));
        assertSame(longest, PasswordPolicy.acceptable("password", longest));
    }

    @Test
    void refuses_other_lengths_without_repeating_the_password() {
        InvalidValueException tooShort = assertThrows(InvalidValueException.class,
                () -> PasswordPolicy.acceptable("password", new PlainPassword("hunter2")));
        InvalidValueException tooLong = assertThrows(InvalidValueException.class,
                () -> PasswordPolicy.acceptable("password", new PlainPassword("🔑".repeat(129))));

        assertEquals("must be 8 to 128 characters long", tooShort.reason());
        assertEquals("password", tooLong.field());
        assertFalse(tooShort.getMessage().contains("hunter2"));
    }

    @Test
    void an_absent_password_is_required() {
        assertEquals("is required", assertThrows(InvalidValueException.class,
                () -> PasswordPolicy.acceptable("password", null)).reason());
    }
}
