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
    private final Map<UserId, java.util.Deque<Stream>> openPerUser = new java.util.HashMap<>();

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
        if (open.incrementAndGet() > perInstance) {
            open.decrementAndGet();
            return Result.err(new TaskError.TooManyStreams("this instance has " + perInstance + " streams open"));
        }
        try {
            if (query.after().isPresent() && tasks.changes(query.owner().id(), query.after().getAsLong(), 1).isEmpty()) {
                open.decrementAndGet();
                return Result.err(new TaskError.FeedExpired(query.after().getAsLong()));
            }
            Stream stream = new Stream(query.owner().id(), query.after());
            // Only a stream that opened ends an older one.
            supersedeOldestBeyond(query.owner().id(), perUser - 1);
            opened(stream);
            return Result.<FollowTaskChangesUseCase.ChangeStream, TaskError>ok(stream);
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
    }

    /**
     * Ends the owner's oldest streams until at most {@code keep} remain: a client whose connection dropped
     * unnoticed (a vanished phone, a closed tab) must not lock its user out until the heartbeat finds it gone.
     */
    private void supersedeOldestBeyond(UserId owner, int keep) {
        synchronized (openPerUser) {
            java.util.Deque<Stream> mine = openPerUser.get(owner);
            while (mine != null && mine.size() > keep) {
                mine.pollFirst().supersede();
            }
        }
    }

    private void opened(Stream stream) {
        synchronized (openPerUser) {
            openPerUser.computeIfAbsent(stream.owner, o -> new java.util.ArrayDeque<>()).addLast(stream);
        }
    }

    private void closed(Stream stream) {
        synchronized (openPerUser) {
            java.util.Deque<Stream> mine = openPerUser.get(stream.owner);
            if (mine != null) {
                mine.remove(stream);
                if (mine.isEmpty()) {
                    openPerUser.remove(stream.owner);
                }
            }
        }
        open.decrementAndGet();
    }

    private final class Stream implements FollowTaskChangesUseCase.ChangeStream {

        private final UserId owner;
        // One permit means "look again"; signals arriving meanwhile collapse into it.
        private final Semaphore changed = new Semaphore(0);
        private final TaskChangeSignals.Subscription subscription;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile boolean superseded;
        private long position;

        Stream(UserId owner, java.util.OptionalLong after) {
            this.owner = owner;
            // Subscribed before the position is read: a change between the two is signalled, never lost.
            this.subscription = signals.subscribe(owner, () -> {
                if (changed.availablePermits() == 0) {
                    changed.release();
                }
            });
            try {
                this.position = after.isPresent() ? after.getAsLong() : tasks.position(owner);
            } catch (RuntimeException e) {
                subscription.close(); // a stream that never opened must not stay subscribed
                throw e;
            }
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

        void supersede() {
            superseded = true;
            changed.release();
        }

        @Override
        public boolean superseded() {
            return superseded;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                subscription.close();
                closed(this);
            }
        }
    }
}
