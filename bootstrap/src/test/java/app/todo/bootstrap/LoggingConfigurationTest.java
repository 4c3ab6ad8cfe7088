package app.todo.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.logging.ConsoleHandler;
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
            if (handler instanceof ConsoleHandler) {
                assertInstanceOf(JsonLogFormatter.class, handler.getFormatter());
            }
        }
    }
}
