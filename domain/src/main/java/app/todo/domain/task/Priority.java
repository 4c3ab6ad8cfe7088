package app.todo.domain.task;

import app.todo.domain.shared.InvalidValueException;

import java.util.Locale;

/** Declared in rank order, so that {@link #rank()} sorts low before high. */
public enum Priority {
    LOW,
    MEDIUM,
    HIGH;

    public static final Priority DEFAULT = MEDIUM;

    public int rank() {
        return ordinal() + 1;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority fromKey(String field, String key) {
        for (Priority p : values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new InvalidValueException(field, "must be one of low, medium, high");
    }

    public static Priority fromRank(int rank) {
        return values()[rank - 1];
    }
}
