package app.todo.application.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waiting for something that happens by itself, with a bound: a test never hangs and never sleeps blindly. */
public final class Polling {

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private Polling() {
    }

    /** Polls {@code condition} until it holds; fails the test when it still does not after {@code limit}. */
    public static void await(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + limit.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    /**
     * Reads {@code value} until it satisfies {@code done} or {@code limit} has passed, and returns the last
     * reading either way, so the test asserts exact figures on it and its failure shows what was seen.
     */
    public static <T> T until(Duration limit, Supplier<T> value, Predicate<? super T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T seen = value.get();
        while (!done.test(seen) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(PAUSE_NANOS);
            seen = value.get();
        }
        return seen;
    }
}
