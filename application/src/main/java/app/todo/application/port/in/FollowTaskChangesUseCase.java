package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Opens a live stream of the owner's task changes: from {@code after} when the client resumes (its last event's
 * position), else from now. At most {@link #STREAMS_PER_USER} per user and {@link #STREAMS_PER_INSTANCE} per
 * instance are open at once; beyond them {@link TaskError.TooManyStreams}.
 */
public interface FollowTaskChangesUseCase {

    int STREAMS_PER_USER = 10;
    int STREAMS_PER_INSTANCE = 5_000;

    record Query(User caller, UserId owner, OptionalLong after) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(after, "after");
        }
    }

    Result<TaskChangeStream, TaskError> follow(Query query);
}
