package app.todo.application.port.out;

import app.todo.domain.task.FeedPage;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.TaskPage;
import app.todo.domain.task.TaskSort;
import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Where tasks are kept. Every lookup is scoped by owner, so a task of someone else is simply absent.
 */
public interface TaskRepository {

    /**
     * Stores a new task with version 1 and {@code now} as its creation time; assigns its id. Atomic on its
     * own: the task and its tags are stored together or not at all, inside a transaction or outside one.
     */
    Task add(NewTask task, Instant now);

    Optional<Task> find(UserId owner, TaskId id);

    /**
     * Like {@link #find}, and holds the task against concurrent changes until the surrounding
     * transaction ends, so a read-modify-write cannot lose another writer's update.
     */
    Optional<Task> findForUpdate(UserId owner, TaskId id);

    /**
     * Writes a changed task over the stored one, whose version must be {@code task.version() - 1}.
     *
     * @throws ConcurrentUpdateException when the stored version is not the expected one
     */
    void update(Task task);

    /**
     * Removes the task and leaves its tombstone ({@code now}) in the owner's changes feed; false when there was
     * none of that owner. Tombstones older than {@link #TOMBSTONE_RETENTION} before {@code now} go meanwhile.
     */
    boolean delete(UserId owner, TaskId id, Instant now);

    /**
     * The owner's changes after feed position {@code after} (0: all current tasks), oldest first, at most
     * {@code limit} (1–500). Every write of the owner's tasks ({@link #add}, {@link #update}, {@link #delete})
     * takes the next position in commit order, so a reader who applies each page and asks again from its
     * position misses nothing and sees nothing twice, however writers interleave (docs/rules.md §4).
     *
     * @return empty when tombstones after {@code after} were already dropped, or when {@code after} is ahead of
     *         every position handed out to this owner (a gap the reader cannot bridge: it must start again from 0)
     */
    Optional<FeedPage> changes(UserId owner, long after, int limit);

    /** The owner's latest feed position (0 before any change): where a stream that starts now begins. */
    long position(UserId owner);

    /** How long a deleted task's tombstone stays in the feed (docs/rules.md §4). */
    java.time.Duration TOMBSTONE_RETENTION = java.time.Duration.ofDays(30);

    /** One page of the owner's tasks that pass the filter, in the given order, with the filtered total. */
    TaskPage list(UserId owner, TaskFilter filter, TaskSort sort, PageRequest page);
}
