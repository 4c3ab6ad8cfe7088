package app.todo.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class UserIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"3fHk0sLq9vX2", "auth0|5f7c8ec7c33c6c004bbafe82", "550e8400-e29b-41d4-a716-446655440000",
            "a", "user@example.com", " padded "})
    void keepsOpaqueIdsExactlyAsGiven(String raw) {
        assertEquals(raw, new UserId(raw).value());
        assertEquals(raw, new UserId(raw).toString());
    }

    @Test
    void isCaseSensitive() {
        assertNotEquals(new UserId("abc"), new UserId("ABC"));
    }

    @Test
    void allowsUpTo255CodePoints() {
        assertEquals(255, new UserId("x".repeat(255)).value().length());
        assertEquals(510, new UserId("😀".repeat(255)).value().length());
        assertRefused("user_id", () -> new UserId("x".repeat(256)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "abc\n", "a\u0000b"})
    void refusesMissingBlankOrControlCharacters(String raw) {
        assertRefused("user_id", () -> new UserId(raw));
    }
}
