package app.todo.bootstrap;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.RequestException;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRedactionTest {

    private final LogRedaction redaction = new LogRedaction();

    /** What Helidon 4.3's HTTP/1.1 connection logs when a client hangs up in the middle of its headers. */
    private static LogRecord endedMidHeaders() {
        LogRecord record = new LogRecord(Level.WARNING, "Internal server error");
        record.setLoggerName("io.helidon.webserver.http1.Http1Connection");
        record.setThrown(RequestException.builder().message("Failed to read headers")
                .cause(new DataReader.InsufficientDataAvailableException()).build());
        return record;
    }

    @Test
    void aClientThatHangsUpMidHeadersIsOneInfoLineNotAServerErrorWithAStackTrace() {
        LogRecord record = endedMidHeaders();

        assertTrue(redaction.isLoggable(record));
        assertEquals(Level.INFO, record.getLevel());
        assertNull(record.getThrown());
        assertEquals("A client closed its connection in the middle of a request's headers", record.getMessage());
    }

    @Test
    void otherServerErrorsKeepTheirLevelAndStackTrace() {
        LogRecord record = new LogRecord(Level.WARNING, "Internal server error");
        record.setLoggerName("io.helidon.webserver.http1.Http1Connection");
        record.setThrown(new IllegalStateException("a real failure"));

        assertTrue(redaction.isLoggable(record));
        assertEquals(Level.WARNING, record.getLevel());
        assertNotNull(record.getThrown());
    }
}
