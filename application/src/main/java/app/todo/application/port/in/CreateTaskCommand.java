package app.todo.application.port.in;

import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;

public record CreateTaskCommand(User caller, UserId owner, NewTaskFields fields) {
    public CreateTaskCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(fields, "fields");
    }
}
