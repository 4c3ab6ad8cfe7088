package app.todo.domain.task;

import app.todo.domain.user.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds stored tasks for tests; every field has a plain default. */
final class TaskBuilder {

    static final Instant T0 = Instant.parse("2026-11-23T17:35:01Z");
    static final UserId OWNER = new UserId("owner-1");

    private final long id;
    private String title = "Buy milk";
    private String description;
    private boolean completed;
    private Priority priority = Priority.MEDIUM;
    private LocalDate dueDate;
    private List<String> tags = List.of();
    private Instant createdAt = T0;
    private Instant updatedAt = T0;

    private TaskBuilder(long id) {
        this.id = id;
    }

    static TaskBuilder task(long id) {
        return new TaskBuilder(id);
    }

    TaskBuilder title(String value) {
        title = value;
        return this;
    }

    TaskBuilder description(String value) {
        description = value;
        return this;
    }

    TaskBuilder completed(boolean value) {
        completed = value;
        return this;
    }

    TaskBuilder priority(Priority value) {
        priority = value;
        return this;
    }

    TaskBuilder due(String isoDate) {
        dueDate = isoDate == null ? null : LocalDate.parse(isoDate);
        return this;
    }

    TaskBuilder tags(String... values) {
        tags = List.of(values);
        return this;
    }

    /** Creation and last update, in seconds after {@link #T0}. */
    TaskBuilder times(long createdSeconds, long updatedSeconds) {
        createdAt = T0.plusSeconds(createdSeconds);
        updatedAt = T0.plusSeconds(updatedSeconds);
        return this;
    }

    Task build() {
        return new Task(new TaskId(id), OWNER, new Title(title),
                description == null ? null : new Description(description), completed, priority, dueDate,
                Tags.of(tags), createdAt, updatedAt, completed ? updatedAt : null, Task.FIRST_VERSION);
    }
}
