package app.todo.bootstrap;

import java.util.logging.LogManager;

/**
 * The JDK's log manager closes every handler from a shutdown hook of its own, which runs alongside
 * Main's: the access log of the requests that a graceful shutdown lets finish, and the shutdown's own
 * messages, would be lost. This one ignores that reset while the JVM is shutting down; Main's hook
 * flushes the console handler's queue last, so nothing is left unwritten at exit.
 *
 * <p>Main selects it through {@code java.util.logging.manager} before anything logs.
 */
public final class ShutdownSafeLogManager extends LogManager {

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
