package app.todo.domain.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DueDatesTest {

    @Test
    void parsesCalendarDates() {
        assertEquals(LocalDate.of(2026, 12, 1), DueDates.parse("due_date", "2026-12-01"));
        assertEquals(LocalDate.of(2028, 2, 29), DueDates.parse("due_date", "2028-02-29"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "", "2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "2026-01-5",
            "2026-12-01T10:00:00Z", "2026-12-01T10:00", "26-12-01", "2026/12/01", "01-12-2026", " 2026-12-01",
            "٢٠٢٦-١٢-٠١", "1582-10-10", "0000-01-01", "0001-01-01", "1899-12-31"})
    void refusesAnythingButAStrictDate(String text) {
        assertRefused("due_before", () -> DueDates.parse("due_before", text));
    }

    @Test
    void acceptsTheWholeDocumentedRange() {
        assertEquals(DueDates.EARLIEST, DueDates.parse("due_date", "1900-01-01"));
        assertEquals(DueDates.LATEST, DueDates.parse("due_date", "9999-12-31"));
    }
}
