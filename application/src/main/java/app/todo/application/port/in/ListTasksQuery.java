package app.todo.application.port.in;

import app.todo.domain.task.PageRequest;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskSort;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;

public record ListTasksQuery(User caller, UserId owner, TaskFilter filter, TaskSort sort, PageRequest page) {
    public ListTasksQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }
}
