package app.todo.application.port.in;


import java.util.Objects;

public record CreateTaskCommand(TaskOwner owner, NewTaskFields fields) {
    public CreateTaskCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(fields, "fields");
    }
}
