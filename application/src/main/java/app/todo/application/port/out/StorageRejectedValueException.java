package app.todo.application.port.out;

import java.util.Optional;

/**
 * The store refused a value the client sent as data it cannot hold (SQL's "data exception", SQLSTATE
 * class 22: an invalid encoding, a value out of range, a bad date). The use cases validate every input
 * first, so reaching this is a gap in validation; adapters throw it so that the gap still answers
 * {@code 422} rather than {@code 500} (docs/rules.md §5: a 500 is for our bugs, not for client input).
 */
public final class StorageRejectedValueException extends RuntimeException {

    private final String field;

    /**
     * @param field the client-facing field the value came from, or {@code null} when the store's
     *              error does not say
     */
    public StorageRejectedValueException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
