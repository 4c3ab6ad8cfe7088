package app.todo.application.port.out;

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

    /** Removes the task; false when there was none of that owner. */
    boolean delete(UserId owner, TaskId id);

    /** One page of the owner's tasks that pass the filter, in the given order, with the filtered total. */
    TaskPage list(UserId owner, TaskFilter filter, TaskSort sort, PageRequest page);
}
