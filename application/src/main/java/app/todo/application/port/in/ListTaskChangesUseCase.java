package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.task.FeedPage;

/** The owner's changes feed (docs/rules.md §4); {@link TaskError.FeedExpired} when the position is too old. */
public interface ListTaskChangesUseCase {
    Result<FeedPage, TaskError> listChanges(ListTaskChangesQuery query);
}
