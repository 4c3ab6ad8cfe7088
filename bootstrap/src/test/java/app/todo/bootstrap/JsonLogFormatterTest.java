package app.todo.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLogFormatterTest {

    @Test
    void writesOneParseableJsonObjectPerLineEvenForHostileMessages() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "quote \" backslash \\ newline \n tab \t bell \u0007 done");
        record.setLoggerName("app.todo.test");
        record.setThrown(new IllegalStateException("boom"));

        String line = new JsonLogFormatter().format(record);

        assertTrue(line.endsWith("}\n"));
        assertEquals(1, line.strip().lines().count(), "exactly one line");
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("WARNING", json.get("level").asText());
        assertEquals("app.todo.test", json.get("logger").asText());
        assertEquals("quote \" backslash \\ newline \n tab \t bell \u0007 done", json.get("message").asText());
        assertTrue(json.get("error").asText().contains("IllegalStateException: boom"));
    }
}
