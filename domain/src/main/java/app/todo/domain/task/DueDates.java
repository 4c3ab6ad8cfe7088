package app.todo.domain.task;

import app.todo.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Due dates are calendar dates, {@code YYYY-MM-DD}, from {@link #EARLIEST} to {@link #LATEST}; a date-time
 * is a mistake, not a date.
 *
 * <p>The range exists so that what a {@code 2xx} acknowledged is what a later read returns on every store
 * (docs/rules.md §3): before the Gregorian reform the JDBC date path shifts dates by days (1582-10-10 came
 * back as 1582-10-20) and year 0 became year 1. No task is due before 1900.
 */
public final class DueDates {

    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private DueDates() {
    }

    public static LocalDate parse(String field, String text) {
        if (text == null || text.length() != 10) {
            throw new InvalidValueException(field, "must be a date in the form YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be a valid date in the form YYYY-MM-DD");
        }
        if (date.isBefore(EARLIEST)) {
            throw new InvalidValueException(field, "must be a date from " + EARLIEST + " to " + LATEST);
        }
        return date;
    }
}
