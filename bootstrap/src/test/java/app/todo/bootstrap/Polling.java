package app.todo.bootstrap;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waiting for something that happens by itself, with a bound: a test never hangs and never sleeps blindly. */
final class Polling {

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private Polling() {
    }

    /** Polls {@code condition} until it holds; fails the test when it still does not after {@code limit}. */
    static void await(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + limit.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
