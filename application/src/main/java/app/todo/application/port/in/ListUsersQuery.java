package app.todo.application.port.in;

import app.todo.domain.task.PageRequest;

import java.util.Objects;

public record ListUsersQuery(Administrator admin, PageRequest page) {
    public ListUsersQuery {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(page, "page");
    }
}
