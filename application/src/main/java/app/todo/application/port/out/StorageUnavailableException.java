package app.todo.application.port.out;

/**
 * The store cannot be reached right now (down, or no connection free in time). Adapters throw it so
 * that the edge can answer "try again shortly" instead of a generic failure.
 */
public final class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
