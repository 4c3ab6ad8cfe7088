package app.todo.application.service;

import app.todo.application.port.in.ListTaskChangesQuery;
import app.todo.application.port.in.ListTaskChangesUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.shared.Result;
import app.todo.domain.task.FeedPage;

public final class ListTaskChangesService implements ListTaskChangesUseCase {

    private final TaskRepository tasks;

    public ListTaskChangesService(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public Result<FeedPage, TaskError> listChanges(ListTaskChangesQuery query) {
        return tasks.changes(query.owner().id(), query.after(), query.limit())
                .<Result<FeedPage, TaskError>>map(Result::ok)
                .orElseGet(() -> Result.err(new TaskError.FeedExpired(query.after())));
    }
}
