package app.todo.application.port.in;

import app.todo.domain.task.PageRequest;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskSort;

import java.util.Objects;

public record ListTasksQuery(TaskOwner owner, TaskFilter filter, TaskSort sort, PageRequest page) {
    public ListTasksQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }
}
