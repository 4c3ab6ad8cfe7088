package app.todo.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every broken rule of an input at once, so a client learns all its mistakes in one answer
 * instead of one per round trip.
 */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    /** Builds a value, or records why it could not be built and returns {@code null}. */
    public <T> T check(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(e.field(), e.reason()));
            return null;
        }
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
