package app.todo.domain.task;

import app.todo.domain.user.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stored task. {@code version} starts at 1 and grows by one with every change, so clients can
 * detect that someone else changed the task since they read it.
 *
 * <p>{@code description}, {@code dueDate} and {@code completedAt} may be {@code null}.
 */
public record Task(
        TaskId id,
        UserId owner,
        Title title,
        Description description,
        boolean completed,
        Priority priority,
        LocalDate dueDate,
        Tags tags,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        long version) {

    public static final long FIRST_VERSION = 1;

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (completed != (completedAt != null)) {
            throw new IllegalArgumentException("completedAt is set exactly when the task is completed");
        }
        if (version < FIRST_VERSION) {
            throw new IllegalArgumentException("version starts at " + FIRST_VERSION);
        }
    }

    public static Task created(TaskId id, NewTask draft, Instant now) {
        return new Task(id, draft.owner(), draft.title(), draft.description(), draft.completed(),
                draft.priority(), draft.dueDate(), draft.tags(), now, now,
                draft.completed() ? now : null, FIRST_VERSION);
    }

    public boolean isOwnedBy(UserId user) {
        return owner.equals(user);
    }

    public boolean hasVersion(long expected) {
        return version == expected;
    }

    /**
     * Applies a partial update. A change that changes nothing returns this very task, so neither
     * the version nor {@code updatedAt} moves.
     */
    public Task apply(TaskChanges changes, Instant now) {
        Title newTitle = changes.title().applyTo(title);
        Description newDescription = changes.description().applyTo(description);
        boolean newCompleted = changes.completed().applyTo(completed);
        Priority newPriority = changes.priority().applyTo(priority);
        LocalDate newDueDate = changes.dueDate().applyTo(dueDate);
        Tags newTags = changes.tags().applyTo(tags);
        if (newTitle.equals(title) && Objects.equals(newDescription, description) && newCompleted == completed
                && newPriority == priority && Objects.equals(newDueDate, dueDate) && newTags.equals(tags)) {
            return this;
        }
        Instant newCompletedAt = newCompleted == completed ? completedAt : (newCompleted ? now : null);
        return new Task(id, owner, newTitle, newDescription, newCompleted, newPriority, newDueDate, newTags,
                createdAt, now, newCompletedAt, version + 1);
    }

    public Task markCompleted(boolean done, Instant now) {
        return apply(new TaskChanges(Change.keep(), Change.keep(), Change.to(done), Change.keep(),
                Change.keep(), Change.keep()), now);
    }

    public Task toggleCompleted(Instant now) {
        return markCompleted(!completed, now);
    }
}
