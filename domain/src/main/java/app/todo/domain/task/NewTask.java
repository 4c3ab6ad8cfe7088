package app.todo.domain.task;

import app.todo.domain.user.UserId;

import java.time.LocalDate;
import java.util.Objects;

/** A validated task that has not been stored yet, so it has no id. */
public record NewTask(
        UserId owner,
        Title title,
        Description description,
        boolean completed,
        Priority priority,
        LocalDate dueDate,
        Tags tags) {

    public NewTask {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(tags, "tags");
    }
}
