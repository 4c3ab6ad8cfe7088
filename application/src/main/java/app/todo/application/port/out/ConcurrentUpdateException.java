package app.todo.application.port.out;

/**
 * A write found another version than the one it was based on. Under {@link TaskRepository#findForUpdate}
 * this is a bug, not an expected outcome, hence an exception.
 */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
