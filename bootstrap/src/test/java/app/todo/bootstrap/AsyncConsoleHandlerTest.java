package app.todo.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsyncConsoleHandlerTest {

    private static final Formatter MESSAGE_ONLY = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    };

    @Test
    void noLineIsLostOrReorderedThoughMoreArriveThanTheQueueHolds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            AsyncConsoleHandler handler = new AsyncConsoleHandler();
            handler.setFormatter(MESSAGE_ONLY);
            int count = AsyncConsoleHandler.CAPACITY * 3;
            for (int i = 0; i < count; i++) {
                handler.publish(new LogRecord(Level.INFO, "line " + i));
            }
            handler.flush();
            String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
            assertEquals(count, lines.length, "every line written by the time flush returns");
            for (int i = 0; i < count; i++) {
                assertEquals("line " + i, lines[i]);
            }

            handler.publish(new LogRecord(Level.WARNING, "the reason it failed"));
            assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("the reason it failed\n"),
                    "a warning is written before publish returns, so an exit right after cannot lose it");
            handler.close();
        } finally {
            System.setErr(original);
        }
    }
}
