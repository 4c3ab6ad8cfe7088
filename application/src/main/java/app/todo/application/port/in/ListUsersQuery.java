package app.todo.application.port.in;

import app.todo.domain.task.PageRequest;
import app.todo.domain.user.User;

import java.util.Objects;

public record ListUsersQuery(User caller, PageRequest page) {
    public ListUsersQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(page, "page");
    }
}
