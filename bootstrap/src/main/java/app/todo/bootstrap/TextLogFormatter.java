package app.todo.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The default console line: {@code 2026-12-01T04:00:34.323Z INFO    app.todo.bootstrap.Main - message}, the time in
 * UTC to the millisecond, the level padded to 7, the logger, the message, then a stack trace if any. The same
 * line {@code SimpleFormatter} wrote with a {@code java.util.Formatter} pattern, whose parsing and date fields
 * cost more per access-log line than many requests' own work; and always UTC, which the pattern's
 * literal {@code Z} only claimed.
 */
public final class TextLogFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        String level = record.getLevel().getLocalizedName();
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(record.getInstant()))
                .append(' ').append(level);
        for (int pad = level.length(); pad < 7; pad++) {
            line.append(' ');
        }
        line.append(' ').append(record.getLoggerName()).append(" - ").append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            trace.append(System.lineSeparator());
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
