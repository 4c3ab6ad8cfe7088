package app.todo.domain.task;

import app.todo.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Due dates are calendar dates, {@code YYYY-MM-DD}; a date-time is a mistake, not a date. */
public final class DueDates {

    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private DueDates() {
    }

    public static LocalDate parse(String field, String text) {
        if (text == null || text.length() != 10) {
            throw new InvalidValueException(field, "must be a date in the form YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be a valid date in the form YYYY-MM-DD");
        }
    }
}
