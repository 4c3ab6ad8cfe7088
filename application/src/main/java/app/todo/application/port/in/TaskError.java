package app.todo.application.port.in;

import app.todo.domain.shared.FieldError;

import java.util.List;

/** Every expected way a task use case can fail. The HTTP edge maps each one exhaustively. */
public sealed interface TaskError extends UseCaseError {

    /** The task does not exist, or belongs to someone else: the two are indistinguishable on purpose. */
    record TaskNotFound(long taskId) implements TaskError {
    }

    /** The caller may not act on this owner's tasks. */
    record NotYourTasks(String ownerId) implements TaskError {
    }

    record InvalidTask(List<FieldError> errors) implements TaskError {
        public InvalidTask {
            errors = List.copyOf(errors);
        }
    }

    /**
     * The changes feed no longer holds everything after this position (tombstones older than the retention are
     * dropped): the client must start again from the beginning.
     */
    record FeedExpired(long position) implements TaskError {
    }

    /** Too many live streams are open, for this user or on this instance (HTTP {@code 429}). */
    record TooManyStreams(String reason) implements TaskError {
    }

    /** The client edited an older version than the stored one; nothing was changed. */
    record StaleVersion(long expected, long current) implements TaskError {
    }
}
