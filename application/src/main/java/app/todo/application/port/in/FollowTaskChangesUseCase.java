package app.todo.application.port.in;

import app.todo.domain.shared.Result;
import app.todo.domain.task.FeedPage;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Opens a live stream of the owner's task changes: from {@code after} when the client resumes (its last event's
 * position), else from now. At most {@link #STREAMS_PER_USER} per user stay open: a newer one supersedes the
 * user's oldest. At most {@link #STREAMS_PER_INSTANCE} per instance (as many as its heap holds,
 * {@link #streamsFor}); beyond them {@link TaskError.TooManyStreams}.
 */
public interface FollowTaskChangesUseCase {

    int STREAMS_PER_USER = 10;
    /** The most streams on one instance when its heap allows them (see {@link #streamsFor(long)}). */
    int STREAMS_PER_INSTANCE = 2_000;

    /**
     * How many streams a heap of {@code maxHeapBytes} holds with half of it to spare: an open stream costs about
     * 64 KiB of heap (its connection, its virtual thread's stack, its buffers), so bin/run's 96 MiB hold 768;
     * at least 100, at most {@link #STREAMS_PER_INSTANCE} (docs/operations.md, "Live streams").
     */
    static int streamsFor(long maxHeapBytes) {
        return (int) Math.max(100, Math.min(STREAMS_PER_INSTANCE, maxHeapBytes / 2 / (64 * 1024)));
    }

    record Query(TaskOwner owner, OptionalLong after) {
        public Query {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(after, "after");
        }
    }

    Result<ChangeStream, TaskError> follow(Query query);

    /**
     * An open live stream of one owner's task changes (docs/api.md, "Live stream"): the changes feed, read on from a
     * position each time a change is signalled. Close it when the client goes.
     */
    interface ChangeStream extends AutoCloseable {

        /** The position of the last change handed out (the {@code id} of the last event). */
        long position();

        /** The changes after {@link #position()}, at most {@code limit}; moves the position past them. */
        FeedPage next(int limit);

        /**
         * Waits until a change may have happened, at most {@code timeout}.
         *
         * @return false when the time ran out without a signal
         */
        boolean awaitChange(Duration timeout) throws InterruptedException;

        /** Whether a newer stream of the same user took this one's place (the user had too many open). */
        boolean superseded();

        @Override
        void close();
    }
}
