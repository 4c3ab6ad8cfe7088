package app.todo.domain.shared;

import java.util.Objects;

/** One broken rule of one input field, as a client should read it. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
