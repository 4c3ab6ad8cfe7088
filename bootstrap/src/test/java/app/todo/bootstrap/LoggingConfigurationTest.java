package app.todo.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.logging.Handler;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Main sets up before the first request: the redaction on every handler, and the chosen format. */
class LoggingConfigurationTest {

    /** Back to the tests' own logging (java.util.logging.config.file), quiet for the classes after this one. */
    @AfterAll
    static void backToTheTestsLogging() throws java.io.IOException {
        java.util.logging.LogManager.getLogManager().readConfiguration();
    }

    @Test
    void everyHandlerRedactsAndJsonFormatsTheConsoleWhenAsked() {
        Main.configureLogging(Settings.LogFormat.JSON);

        Handler[] handlers = Logger.getLogger("").getHandlers();
        assertTrue(handlers.length > 0, "the root logger has a handler");
        for (Handler handler : handlers) {
            assertInstanceOf(LogRedaction.class, handler.getFilter(), handler::toString);
            if (handler instanceof AsyncConsoleHandler) {
                assertInstanceOf(JsonLogFormatter.class, handler.getFormatter());
            }
        }
    }

    @Test
    void logFormatJsonInTheEnvironmentMakesEveryConsoleLineOneJsonObject() throws Exception {
        Settings settings = Settings.from(java.util.Map.of("LOG_FORMAT", "json")::get);
        Main.configureLogging(settings.logFormat());

        java.util.logging.LogRecord record = new java.util.logging.LogRecord(java.util.logging.Level.INFO,
                "started on port 8080\nsecond line");
        record.setLoggerName("app.todo.bootstrap.Main");
        int consoles = 0;
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof AsyncConsoleHandler) {
                consoles++;
                String line = handler.getFormatter().format(record);
                assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, () -> "one line: " + line);
                com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
                assertTrue(json.isObject(), line);
                assertTrue(json.toString().contains("started on port 8080"), line);
            }
        }
        assertTrue(consoles > 0, "a console handler writes the log");
    }

    @Test
    void withoutLogFormatTheConsoleIsPlainText() {
        Main.configureLogging(Settings.from(java.util.Map.<String, String>of()::get).logFormat());

        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof AsyncConsoleHandler) {
                assertTrue(!(handler.getFormatter() instanceof JsonLogFormatter), "text by default");
            }
        }
    }
}
