package app.todo.application.port.out;

import app.todo.domain.user.UserId;

/**
 * Tells who follows a user's tasks that they changed (docs/api.md, "Live stream"): after a write of the owner's
 * tasks commits, on this instance or any other on the same database, every subscriber of that owner is called.
 * A signal says only "look again"; what changed is read from the changes feed, so a lost or doubled signal costs
 * latency, never correctness.
 */
public interface TaskChangeSignals {

    /** A subscription; closing it stops the calls. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @param onChange called on a thread of the signals' own, soon after each committed change of the owner's
     *                 tasks (possibly more often); it must not block
     */
    Subscription subscribe(UserId owner, Runnable onChange);

    /** Signals that never come: for stores that have no stream to offer. */
    TaskChangeSignals NONE = (owner, onChange) -> () -> { };
}
