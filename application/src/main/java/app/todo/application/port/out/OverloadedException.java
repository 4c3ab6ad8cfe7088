package app.todo.application.port.out;

/**
 * A driven adapter has no capacity left for this request right now (its bounded queue is full), and
 * refuses at once rather than making the caller wait without bound. The edge answers {@code 503} with
 * {@code Retry-After}.
 */
public final class OverloadedException extends RuntimeException {
    public OverloadedException(String message) {
        super(message, null, false, false);
    }
}
