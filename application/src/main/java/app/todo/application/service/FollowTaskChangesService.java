package app.todo.application.service;

import app.todo.application.port.in.FollowTaskChangesUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.out.TaskChangeSignals;
import app.todo.application.port.out.TaskRepository;
import app.todo.domain.shared.Result;
import app.todo.domain.task.FeedPage;
import app.todo.domain.user.UserId;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

public final class FollowTaskChangesService implements FollowTaskChangesUseCase {

    private final TaskRepository tasks;
    private final TaskChangeSignals signals;
    private final int perUser;
    private final int perInstance;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<UserId, AtomicInteger> openPerUser = new ConcurrentHashMap<>();

    public FollowTaskChangesService(TaskRepository tasks, TaskChangeSignals signals) {
        this(tasks, signals, STREAMS_PER_USER, STREAMS_PER_INSTANCE);
    }

    /** With other limits than the defaults (tests). */
    public FollowTaskChangesService(TaskRepository tasks, TaskChangeSignals signals, int perUser, int perInstance) {
        this.tasks = tasks;
        this.signals = signals;
        this.perUser = perUser;
        this.perInstance = perInstance;
    }

    @Override
    public Result<FollowTaskChangesUseCase.ChangeStream, TaskError> follow(Query query) {
        return TaskAccess.asOwner(query.caller(), query.owner(), () -> {
            if (open.incrementAndGet() > perInstance) {
                open.decrementAndGet();
                return Result.err(new TaskError.TooManyStreams("this instance has " + perInstance + " streams open"));
            }
            AtomicInteger mine = openPerUser.computeIfAbsent(query.owner(), owner -> new AtomicInteger());
            if (mine.incrementAndGet() > perUser) {
                mine.decrementAndGet();
                open.decrementAndGet();
                return Result.err(new TaskError.TooManyStreams("this user has " + perUser + " streams open"));
            }
            try {
                if (query.after().isPresent() && tasks.changes(query.owner(), query.after().getAsLong(), 1).isEmpty()) {
                    release(query.owner());
                    return Result.err(new TaskError.FeedExpired(query.after().getAsLong()));
                }
                return Result.ok(new Stream(query.owner(), query.after()));
            } catch (RuntimeException e) {
                release(query.owner());
                throw e;
            }
        });
    }

    private void release(UserId owner) {
        open.decrementAndGet();
        openPerUser.computeIfPresent(owner, (o, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private final class Stream implements FollowTaskChangesUseCase.ChangeStream {

        private final UserId owner;
        // One permit means "look again"; signals arriving meanwhile collapse into it.
        private final Semaphore changed = new Semaphore(0);
        private final TaskChangeSignals.Subscription subscription;
        private final AtomicBoolean closed = new AtomicBoolean();
        private long position;

        Stream(UserId owner, java.util.OptionalLong after) {
            this.owner = owner;
            // Subscribed before the position is read: a change between the two is signalled, never lost.
            this.subscription = signals.subscribe(owner, () -> {
                if (changed.availablePermits() == 0) {
                    changed.release();
                }
            });
            this.position = after.isPresent() ? after.getAsLong() : tasks.position(owner);
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public FeedPage next(int limit) {
            FeedPage page = tasks.changes(owner, position, limit).orElseThrow(() -> new IllegalStateException(
                    "the feed dropped tombstones after position " + position + " while a stream followed it"));
            position = page.position();
            return page;
        }

        @Override
        public boolean awaitChange(Duration timeout) throws InterruptedException {
            boolean signalled = changed.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            changed.drainPermits();
            return signalled;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                subscription.close();
                release(owner);
            }
        }
    }
}
