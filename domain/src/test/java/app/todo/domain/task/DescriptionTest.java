package app.todo.domain.task;

import org.junit.jupiter.api.Test;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DescriptionTest {

    @Test
    void keepsTextAsWrittenIncludingEmptyAndSpaces() {
        assertEquals("", new Description("").value());
        assertEquals("  2 litres ", new Description("  2 litres ").value());
    }

    @Test
    void allowsAtMostAThousandCodePoints() {
        assertEquals(1000, new Description("x".repeat(1000)).value().length());
        assertEquals(2000, new Description("🥛".repeat(1000)).value().length());
        assertRefused("description", () -> new Description("x".repeat(1001)));
        assertRefused("description", () -> new Description("🥛".repeat(1001)));
    }

    @Test
    void refusesNull() {
        assertRefused("description", () -> new Description(null));
    }
}
