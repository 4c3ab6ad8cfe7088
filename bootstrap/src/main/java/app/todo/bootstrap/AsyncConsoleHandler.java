package app.todo.bootstrap;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * The console log (standard error), written by one background thread in batches: the JDK's
 * {@code ConsoleHandler} writes and flushes every record on the request's thread, a system call per access-log
 * line, which under load cost more than many requests' own work. Records are formatted (and
 * redacted by the handler's filter) on the caller's thread, then queued; a full queue makes callers wait
 * rather than lose lines; the writer lets each batch gather for {@value #GATHER_MILLIS} ms, so a line reaches the
 * console at most that much later. A record of {@code WARNING} or above waits until everything before it is written,
 * so nothing that explains a failure is still queued when the process exits; {@link #flush()} does the same
 * for the shutdown's last lines.
 *
 * <p>Hand-written because java.util.logging has no asynchronous handler, and the service's logging is JUL
 * (Helidon's own); a second logging framework for this alone would be more to keep than this class.
 * Configured in {@code logging.properties} as {@code handlers=app.todo.bootstrap.AsyncConsoleHandler}, with
 * {@code app.todo.bootstrap.AsyncConsoleHandler.level} and {@code .formatter} like any handler.
 */
public final class AsyncConsoleHandler extends Handler {

    /** Lines that may wait to be written: about a second of access log at full load. */
    static final int CAPACITY = 8192;
    private static final long FLUSH_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Lines written by one system call at most. */
    private static final int MAX_BATCH = 1024;
    /**
     * How long the writer lets a batch gather after its first line (ms). Without it, at one access-log line per
     * request the writer slept on an empty queue between lines, so nearly every line paid a wake-up of the
     * writer thread (a futex call on the request's thread) and a write of its own.
     */
    static final long GATHER_MILLIS = 10;

    /** A line, or a flush marker: the writer counts the marker down once everything before it is written. */
    private final BlockingQueue<Object> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final Writer out = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
    private final Thread writer;
    private volatile boolean closed;

    public AsyncConsoleHandler() {
        LogManager manager = LogManager.getLogManager();
        String prefix = AsyncConsoleHandler.class.getName();
        setLevel(parseLevel(manager.getProperty(prefix + ".level")));
        setFormatter(new TextLogFormatter());
        String formatter = manager.getProperty(prefix + ".formatter");
        if (formatter != null) {
            try {
                setFormatter((java.util.logging.Formatter) ClassLoader.getSystemClassLoader().loadClass(formatter)
                        .getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                reportError("cannot use the formatter " + formatter, e, ErrorManager.OPEN_FAILURE);
            }
        }
        writer = Thread.ofPlatform().daemon().name("console-log").start(this::writeLoop);
    }

    private static Level parseLevel(String name) {
        try {
            return name == null ? Level.ALL : Level.parse(name.strip());
        } catch (IllegalArgumentException e) {
            return Level.ALL;
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            lines.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            flush();
        }
    }

    /** Waits (at most 5 s) until every line this thread queued before the call is written and flushed. */
    @Override
    public void flush() {
        if (closed) {
            return; // the writer has stopped: nothing would count the marker down
        }
        CountDownLatch written = new CountDownLatch(1);
        try {
            if (lines.offer(written, FLUSH_DEADLINE_NANOS, TimeUnit.NANOSECONDS)) {
                written.await(FLUSH_DEADLINE_NANOS, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops the writer (a reconfiguration replaces the handler). */
    @Override
    public void close() {
        flush();
        closed = true;
        writer.interrupt();
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>(256);
        while (true) {
            try {
                batch.add(lines.take());
                lines.drainTo(batch, MAX_BATCH - 1);
                // A flush marker (a warning, the shutdown) is written at once; other lines wait for company.
                if (batch.size() < MAX_BATCH && !(batch.getLast() instanceof CountDownLatch)) {
                    Thread.sleep(GATHER_MILLIS);
                    lines.drainTo(batch, MAX_BATCH - batch.size());
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                for (Object item : batch) {
                    if (item instanceof String line) {
                        out.write(line);
                    }
                }
                out.flush();
            } catch (IOException | RuntimeException e) {
                reportError(null, e instanceof Exception ex ? ex : null, ErrorManager.WRITE_FAILURE);
            }
            for (Object item : batch) {
                if (item instanceof CountDownLatch flushed) {
                    flushed.countDown();
                }
            }
            batch.clear();
        }
    }
}
