package app.todo.domain.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTest {

    private static final Result<Integer, String> OK = Result.ok(2);
    private static final Result<Integer, String> ERR = Result.err("broken");

    @Test
    void mapTransformsAValueAndPassesAnErrorOnUntouched() {
        assertEquals(Result.ok("4"), OK.map(i -> Integer.toString(i * 2)));
        assertEquals(Result.err("broken"), ERR.map(i -> {
            throw new AssertionError("must not run on an error");
        }));
    }

    @Test
    void flatMapChainsOnlyFromAValue() {
        assertEquals(Result.ok(3), OK.flatMap(i -> Result.ok(i + 1)));
        assertEquals(Result.err("too small"), OK.flatMap(i -> Result.err("too small")));
        assertEquals(Result.err("broken"), ERR.flatMap(i -> {
            throw new AssertionError("must not run on an error");
        }));
    }

    @Test
    void tellsOkFromErrAndRefusesNulls() {
        assertTrue(OK.isOk());
        assertFalse(ERR.isOk());
        assertThrows(NullPointerException.class, () -> Result.ok(null));
        assertThrows(NullPointerException.class, () -> Result.err(null));
        assertThrows(NullPointerException.class, () -> OK.map(i -> null));
    }
}
