package app.todo.adapter.in.http;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A deadline for reading from a client (docs/operations.md, "Many connections"): past it, the reading thread is
 * interrupted, which closes its connection (a virtual thread's socket closes when the thread is interrupted in a
 * read, or enters one interrupted; Helidon runs every connection on one). The interrupt is sent under the lock that
 * {@link #finish} takes, so once the reader has finished, an interrupt either came before (and {@link #finish} says
 * so) or never comes. Hand-written because Helidon's only time limit on a connection is for idle ones.
 */
final class ReadDeadline {

    /** Wakes the readers past their deadline; one daemon thread for every connection, idle but for them. */
    private static final ScheduledExecutorService TIMER = timer();

    private final Thread reader;
    private final ScheduledFuture<?> alarm;
    private boolean finished;
    private boolean expired;

    private ReadDeadline(Thread reader, long nanos) {
        this.reader = reader;
        this.alarm = TIMER.schedule(this::expire, nanos, TimeUnit.NANOSECONDS);
    }

    /** A deadline {@code after} from now for the calling thread's reads. */
    static ReadDeadline start(Duration after) {
        return new ReadDeadline(Thread.currentThread(), after.toNanos());
    }

    private synchronized void expire() {
        if (!finished) {
            expired = true;
            reader.interrupt();
        }
    }

    /**
     * Stops the deadline; true when it passed first. The reader's interrupt is then pending or spent, and its
     * connection closed or about to close: the caller clears the interrupt and ends the exchange.
     */
    boolean finish() {
        boolean passed;
        synchronized (this) {
            finished = true;
            passed = expired;
        }
        alarm.cancel(false);
        return passed;
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("todo-read-deadlines").factory());
        // Nearly every alarm is cancelled long before it is due: cancelled ones leave the queue at once.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
