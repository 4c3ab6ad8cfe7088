package app.todo.application.memory;

import app.todo.application.port.out.ConcurrentUpdateException;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.task.FeedEntry;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tasks in a map; the domain's own filter and sort define what a list returns. Feed positions are handed out
 * under one monitor, together with the write they belong to, so they follow the order of the writes.
 */
public final class InMemoryTaskRepository implements TaskRepository {

    private record Tombstone(TaskId id, Instant deletedAt, long position) {
    }

    private final Map<TaskId, Task> tasks = new ConcurrentHashMap<>();
    private final Map<TaskId, Long> positions = new ConcurrentHashMap<>();
    private final Map<UserId, Long> lastPosition = new HashMap<>();
    private final Map<UserId, Long> purgedThrough = new HashMap<>();
    private final Map<UserId, List<Tombstone>> tombstones = new HashMap<>();
    private final InMemoryTaskChangeSignals signals = new InMemoryTaskChangeSignals();
    private final AtomicLong ids = new AtomicLong();
    private final ReentrantLock lock;

    /** @param lock the lock of the {@link InMemoryTransactions} this repository's writes belong to */
    public InMemoryTaskRepository(ReentrantLock lock) {
        this.lock = lock;
    }

    @Override
    public synchronized Task add(NewTask draft, Instant now) {
        Task task = Task.created(new TaskId(ids.incrementAndGet()), draft, now);
        tasks.put(task.id(), task);
        positions.put(task.id(), nextPosition(task.owner()));
        return task;
    }

    private long nextPosition(UserId owner) {
        signals.signalAfter(owner);
        return lastPosition.merge(owner, 1L, Long::sum);
    }

    @Override
    public synchronized long position(UserId owner) {
        return lastPosition.getOrDefault(owner, 0L);
    }

    /** Signals for the live stream: every write signals its owner's subscribers (there is no rollback here). */
    public InMemoryTaskChangeSignals signals() {
        return signals;
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
    public synchronized void update(Task task) {
        Task replaced = tasks.computeIfPresent(task.id(), (id, stored) -> {
            if (stored.version() != task.version() - 1 || !stored.isOwnedBy(task.owner())) {
                throw new ConcurrentUpdateException("task " + id + " is at version " + stored.version());
            }
            return task;
        });
        if (replaced == null) {
            throw new ConcurrentUpdateException("task " + task.id() + " is gone");
        }
        positions.put(task.id(), nextPosition(task.owner()));
    }

    @Override
    public synchronized boolean delete(UserId owner, TaskId id, Instant now) {
        if (find(owner, id).isEmpty() || tasks.remove(id) == null) {
            return false;
        }
        positions.remove(id);
        List<Tombstone> kept = tombstones.computeIfAbsent(owner, o -> new ArrayList<>());
        Instant horizon = now.minus(TOMBSTONE_RETENTION);
        kept.removeIf(t -> {
            boolean old = t.deletedAt().isBefore(horizon);
            if (old) {
                purgedThrough.merge(owner, t.position(), Math::max);
            }
            return old;
        });
        kept.add(new Tombstone(id, now, nextPosition(owner)));
        return true;
    }

    @Override
    public synchronized Optional<FeedPage> changes(UserId owner, long after, int limit) {
        if (after > 0 && after < purgedThrough.getOrDefault(owner, 0L) || after > lastPosition.getOrDefault(owner, 0L)) {
            return Optional.empty();
        }
        List<FeedEntry> entries = new ArrayList<>();
        tasks.values().stream().filter(t -> t.isOwnedBy(owner))
                .forEach(t -> entries.add(new FeedEntry.Changed(t, positions.get(t.id()))));
        tombstones.getOrDefault(owner, List.of())
                .forEach(t -> entries.add(new FeedEntry.Deleted(t.id(), t.deletedAt(), t.position())));
        List<FeedEntry> newer = entries.stream().filter(e -> e.position() > after)
                .sorted(Comparator.comparingLong(FeedEntry::position)).toList();
        List<FeedEntry> page = newer.subList(0, Math.min(limit, newer.size()));
        return Optional.of(new FeedPage(page, page.isEmpty() ? after : page.getLast().position(), newer.size() > limit));
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
