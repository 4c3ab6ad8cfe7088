package app.todo.bootstrap;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A newcomer's first failures: each says in one line what is wrong and ends the process with
 * a non-zero exit, so a supervisor sees it did not start; no stack trace.
 */
class StartUpFailuresTest {

    @Test
    void aPortInUseIsOneLineAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             ServiceProcess service = ServiceProcess.start("port-taken",
                     Map.of("DATA_DIR", Files.createTempDirectory("todo-port").toString()), taken.getLocalPort())) {
            int exit = service.awaitOwnExit();
            String output = service.output();

            assertNotEquals(0, exit, output);
            assertTrue(output.contains("port " + taken.getLocalPort() + " is already in use; set PORT"), output);
            assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
            assertFalse(output.contains("listening"), output);
        }
    }

    @Test
    void aSecondCopyOnTheSameEmbeddedDatabaseSaysAnotherCopyIsProbablyRunning() throws Exception {
        Path dataDir = Files.createTempDirectory("todo-twice");
        try (ServiceProcess first = ServiceProcess.start("first", Map.of("DATA_DIR", dataDir.toString()))) {
            first.awaitReady(Duration.ofSeconds(60));
            try (ServiceProcess second = ServiceProcess.start("second", Map.of("DATA_DIR", dataDir.toString()))) {
                int exit = second.awaitOwnExit();
                String output = second.output();

                assertNotEquals(0, exit, output);
                assertTrue(output.contains("Another copy of the Todo API is probably running"), output);
                assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
            }
        }
    }

    /** Neon's URLs say sslmode=require; pasted against a local PostgreSQL without TLS, the line says what to change. */
    @Test
    void aUrlAskingForTlsOfAServerWithoutItSaysWhatToChange() throws Exception {
        String local = app.todo.adapter.out.persistence.testing.TestPostgres.newDatabase().jdbcUrl();
        String url = local + (local.contains("?") ? "&" : "?") + "sslmode=require";
        try (ServiceProcess service = ServiceProcess.start("tls", Map.of("DATABASE_URL", url))) {
            int exit = service.awaitOwnExit();
            String output = service.output();

            assertNotEquals(0, exit, output);
            assertTrue(output.contains("sslmode=disable"), output);
            assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
        }
    }
}
