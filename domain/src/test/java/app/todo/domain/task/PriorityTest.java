package app.todo.domain.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PriorityTest {

    @ParameterizedTest
    @CsvSource({"low, 1, LOW", "medium, 2, MEDIUM", "high, 3, HIGH"})
    void keysAndRanksRoundTrip(String key, int rank, Priority priority) {
        assertEquals(priority, Priority.fromKey("priority", key));
        assertEquals(key, priority.key());
        assertEquals(rank, priority.rank());
        assertEquals(priority, Priority.fromRank(rank));
    }

    @Test
    void defaultsToMedium() {
        assertEquals(Priority.MEDIUM, Priority.DEFAULT);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "urgent", "HIGH", " low", "2"})
    void refusesUnknownKeysNamingTheField(String key) {
        assertRefused("priority", () -> Priority.fromKey("priority", key));
    }
}
