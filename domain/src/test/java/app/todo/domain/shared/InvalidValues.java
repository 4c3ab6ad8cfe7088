package app.todo.domain.shared;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Asserts that a value object refuses its input, naming the field a client would see. */
public final class InvalidValues {

    private InvalidValues() {
    }

    public static InvalidValueException assertRefused(String field, Executable construction) {
        InvalidValueException e = assertThrows(InvalidValueException.class, construction);
        assertEquals(field, e.field());
        return e;
    }
}
