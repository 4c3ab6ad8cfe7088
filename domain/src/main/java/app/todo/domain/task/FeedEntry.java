package app.todo.domain.task;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a user's changes feed (docs/rules.md §4): a task as it now is, or the tombstone of a deleted one,
 * at its position in the user's change sequence. Positions grow by one with every change of that user's tasks
 * and are handed out in commit order, so a reader that has seen a position has seen everything before it.
 */
public sealed interface FeedEntry {

    /** Where this change stands in the owner's change sequence (1, 2, …). */
    long position();

    /** A task created or changed; it is shown as it is now, so one entry stands for all its changes so far. */
    record Changed(Task task, long position) implements FeedEntry {
        public Changed {
            Objects.requireNonNull(task, "task");
        }
    }

    /** A deleted task: only its id and when it went. */
    record Deleted(TaskId id, Instant deletedAt, long position) implements FeedEntry {
        public Deleted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(deletedAt, "deletedAt");
        }
    }
}
