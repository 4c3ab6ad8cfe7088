package app.todo.application.port.in;

import app.todo.domain.task.FeedPage;

import java.time.Duration;

/**
 * An open live stream of one owner's task changes (docs/api.md, "Live stream"): the changes feed, read on from a
 * position each time a change is signalled. Close it when the client goes.
 */
public interface TaskChangeStream extends AutoCloseable {

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

    @Override
    void close();
}
