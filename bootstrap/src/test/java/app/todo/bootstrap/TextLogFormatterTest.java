package app.todo.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextLogFormatterTest {

    @Test
    void oneLineInUtcToTheMillisecondWithThePaddedLevelAndTheLogger() {
        LogRecord record = new LogRecord(Level.INFO, "a {user_id} route, not a pattern");
        record.setInstant(Instant.parse("2026-12-01T04:00:34Z"));
        record.setLoggerName("app.todo.access");

        assertEquals("2026-12-01T04:00:34.000Z INFO    app.todo.access - a {user_id} route, not a pattern"
                + System.lineSeparator(), new TextLogFormatter().format(record));
    }

    @Test
    void parametersAreFilledAndAThrowableFollowsOnTheNextLines() {
        LogRecord record = new LogRecord(Level.WARNING, "could not load {0}");
        record.setParameters(new Object[]{"the JWK set"});
        record.setInstant(Instant.parse("2026-12-01T04:00:34.5Z"));
        record.setLoggerName("app.todo.x");
        record.setThrown(new IllegalStateException("boom"));

        String text = new TextLogFormatter().format(record);
        assertTrue(text.startsWith("2026-12-01T04:00:34.500Z WARNING app.todo.x - could not load the JWK set"
                + System.lineSeparator() + "java.lang.IllegalStateException: boom"), text);
    }
}
