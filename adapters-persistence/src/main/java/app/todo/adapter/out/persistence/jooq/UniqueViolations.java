package app.todo.adapter.out.persistence.jooq;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises a unique-constraint violation (SQL state 23505) of one named constraint. */
final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    static boolean of(Throwable failure, String constraint) {
        String name = constraint.toLowerCase(Locale.ROOT);
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(name)) {
                return true;
            }
        }
        return false;
    }
}
