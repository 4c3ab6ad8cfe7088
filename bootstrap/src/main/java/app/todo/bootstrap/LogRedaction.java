package app.todo.bootstrap;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

/**
 * The log's last line of defence: no request body, header value or token reaches it, whichever library
 * logs and whatever fails. This service's own code never logs a body, a header value or a token; the
 * libraries below it may (Helidon 4.3 quotes the offending request bytes as a hex dump when a request
 * line cannot be parsed, and its connection listeners dump whole exchanges at FINE and below).
 *
 * <p>For every record, of any logger, an exception keeps its classes and stack traces (causes and
 * suppressed ones included) but loses every message: messages are where libraries quote what they
 * could not parse (a JSON body, a SQL value), and the request id in the record's own message is what
 * ties it to the request. For every record of a logger outside {@code app.todo}, moreover:
 * <ul>
 *   <li>below {@code INFO}, it is dropped: those levels exist to dump traffic;</li>
 *   <li>its message is formatted now and its parameters dropped; a message that holds a hex dump or a
 *       bearer token is replaced by a fixed sentence.</li>
 * </ul>
 * A connection that a client closed in the middle of a request's headers, which Helidon logs as an internal
 * server error with a stack trace, becomes one {@code INFO} line.
 *
 * <p>Installed on every handler of the root logger by {@link Main}.
 */
final class LogRedaction implements Filter {

    private static final String OWN_LOGGERS = "app.todo";
    /** Helidon's BufferData.debugDataHex table, or any run of eight or more hex byte pairs. */
    private static final Pattern HEX_DUMP = Pattern.compile("\\+-{8,}|(?i)\\b[0-9a-f]{2}( [0-9a-f]{2}){7,}\\b");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();
    private static final String HELIDON_SERVER = "io.helidon.webserver.";
    /** What Helidon's reader throws when the connection ends before the bytes it needs (by name: no link to it). */
    private static final String END_OF_STREAM = "io.helidon.common.buffers.DataReader$InsufficientDataAvailableException";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (clientWentAway(record)) {
            // Helidon 4.3 reports it as an internal server error with a stack trace: a client's doing, one line.
            record.setLevel(Level.INFO);
            record.setMessage("A client closed its connection in the middle of a request's headers");
            record.setParameters(null);
            record.setThrown(null);
            return true;
        }
        if (record.getThrown() != null && !(record.getThrown() instanceof RedactedException)) {
            record.setThrown(withoutMessages(record.getThrown()));
        }
        String logger = record.getLoggerName();
        if (logger != null && (logger.equals(OWN_LOGGERS) || logger.startsWith(OWN_LOGGERS + "."))) {
            return true;
        }
        if (record.getLevel().intValue() < Level.INFO.intValue()) {
            return false;
        }
        String message = FORMATTER.formatMessage(record);
        if (message != null && (HEX_DUMP.matcher(message).find() || BEARER.matcher(message).find())) {
            message = "(a message quoting request bytes was redacted)";
        }
        record.setMessage(message);
        record.setParameters(null);
        return true;
    }

    /** A library's record of a connection that ended before the request's headers did (a flood writes thousands). */
    private static boolean clientWentAway(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith(HELIDON_SERVER)) {
            return false;
        }
        for (Throwable t = record.getThrown(); t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getClass().getName().equals(END_OF_STREAM)) {
                return true;
            }
        }
        return false;
    }

    /** The same chain of exception classes and stack traces, with every message removed. */
    static Throwable withoutMessages(Throwable original) {
        Throwable cause = original.getCause() == null || original.getCause() == original
                ? null : withoutMessages(original.getCause());
        Throwable copy = new RedactedException(original.getClass().getName(), cause);
        copy.setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            copy.addSuppressed(withoutMessages(suppressed));
        }
        return copy;
    }

    /** Stands for an exception whose message was removed; prints as its original class name. */
    static final class RedactedException extends RuntimeException {
        private final String className;

        RedactedException(String className, Throwable cause) {
            super("(message redacted)", cause);
            this.className = className;
        }

        @Override
        public String toString() {
            return className + ": (message redacted)";
        }
    }
}
