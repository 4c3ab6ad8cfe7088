package app.todo.application.memory;

import app.todo.application.port.out.ConcurrentUpdateException;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.TaskPage;
import app.todo.domain.task.TaskSort;
import app.todo.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/** Tasks in a map; the domain's own filter and sort define what a list returns. */
public final class InMemoryTaskRepository implements TaskRepository {

    private final Map<TaskId, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ReentrantLock lock;

    /** @param lock the lock of the {@link InMemoryTransactions} this repository's writes belong to */
    public InMemoryTaskRepository(ReentrantLock lock) {
        this.lock = lock;
    }

    @Override
    public Task add(NewTask draft, Instant now) {
        Task task = Task.created(new TaskId(ids.incrementAndGet()), draft, now);
        tasks.put(task.id(), task);
        return task;
    }

    @Override
    public Optional<Task> find(UserId owner, TaskId id) {
        return Optional.ofNullable(tasks.get(id)).filter(t -> t.isOwnedBy(owner));
    }

    @Override
    public Optional<Task> findForUpdate(UserId owner, TaskId id) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("findForUpdate needs a transaction");
        }
        return find(owner, id);
    }

    @Override
    public void update(Task task) {
        Task replaced = tasks.computeIfPresent(task.id(), (id, stored) -> {
            if (stored.version() != task.version() - 1 || !stored.isOwnedBy(task.owner())) {
                throw new ConcurrentUpdateException("task " + id + " is at version " + stored.version());
            }
            return task;
        });
        if (replaced == null) {
            throw new ConcurrentUpdateException("task " + task.id() + " is gone");
        }
    }

    @Override
    public boolean delete(UserId owner, TaskId id) {
        return find(owner, id).map(t -> tasks.remove(id) != null).orElse(false);
    }

    @Override
    public TaskPage list(UserId owner, TaskFilter filter, TaskSort sort, PageRequest page) {
        List<Task> matching = tasks.values().stream()
                .filter(t -> t.isOwnedBy(owner))
                .filter(filter::admits)
                .sorted(sort.comparator())
                .toList();
        List<Task> window = matching.stream().skip(page.offset()).limit(page.limit()).toList();
        return new TaskPage(window, matching.size());
    }
}
