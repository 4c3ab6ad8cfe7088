package app.todo.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationTest {

    @Test
    void collectsEveryBrokenRuleInOrder() {
        Validation v = new Validation();
        assertNull(v.check(() -> {
            throw new InvalidValueException("title", "is required");
        }));
        assertEquals("ok", v.check(() -> "ok"));
        v.reject("body", "must not be empty");
        assertNull(v.check(() -> {
            throw new InvalidValueException("due_date", "must be a date");
        }));

        assertTrue(v.hasErrors());
        assertEquals(List.of(new FieldError("title", "is required"), new FieldError("body", "must not be empty"),
                new FieldError("due_date", "must be a date")), v.errors());
    }

    @Test
    void startsWithoutErrorsAndHandsOutACopy() {
        Validation v = new Validation();
        assertFalse(v.hasErrors());
        List<FieldError> before = v.errors();
        v.reject("title", "is required");
        assertTrue(before.isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> v.errors().clear());
    }

    @Test
    void letsOtherExceptionsThrough() {
        Validation v = new Validation();
        assertThrows(IllegalStateException.class, () -> v.check(() -> {
            throw new IllegalStateException("a bug, not a field error");
        }));
        assertFalse(v.hasErrors());
    }

    @Test
    void reasonLeavesOutTheFieldName() {
        InvalidValueException e = new InvalidValueException("due_date", "must be: YYYY-MM-DD");
        assertEquals("due_date: must be: YYYY-MM-DD", e.getMessage());
        assertEquals("must be: YYYY-MM-DD", e.reason());
    }
}
