package app.todo.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** {@code LOG_FORMAT=json}: one JSON object per line, for log shippers. */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", Instant.ofEpochMilli(record.getMillis()).toString()).append(',');
        field(json, "level", record.getLevel().getName()).append(',');
        field(json, "logger", record.getLoggerName()).append(',');
        field(json, "thread", Thread.currentThread().getName()).append(',');
        field(json, "message", formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            json.append(',');
            field(json, "error", trace.toString());
        }
        return json.append("}\n").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
