package app.todo.domain.shared;

/**
 * Thrown by a value object's constructor when its invariant does not hold.
 * Use cases never let it escape: {@link Validation} turns it into a {@link FieldError} value.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field name, as a client reads it next to the field. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
