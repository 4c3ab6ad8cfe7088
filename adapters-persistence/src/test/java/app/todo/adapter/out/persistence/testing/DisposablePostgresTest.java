package app.todo.adapter.out.persistence.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The private server that resilience tests stop and start: it must really go away and really come back. */
class DisposablePostgresTest {

    @Test
    void stopsAndStartsAgainOnTheSamePortWithTheSameData() throws Exception {
        int port;
        try (DisposablePostgres postgres = DisposablePostgres.create()) {
            port = postgres.port();
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (n int)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }

            postgres.stop();
            assertFalse(postgres.acceptsConnections());
            assertThrows(SQLException.class, postgres::connect);

            postgres.start();
            assertEquals(port, postgres.port());
            assertEquals(42, firstNumber(postgres));

            postgres.kill();
            assertFalse(postgres.acceptsConnections());
            postgres.start();
            assertEquals(42, firstNumber(postgres), "a committed row survives a crash");
        }
        assertFalse(new DisposablePostgresProbe(port).accepts(), "close() stops the server");
    }

    private static int firstNumber(DisposablePostgres postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM kept")) {
            assertTrue(rows.next());
            return rows.getInt(1);
        }
    }

    /** Whether anything still listens on a port of 127.0.0.1. */
    private record DisposablePostgresProbe(int port) {
        boolean accepts() {
            try (java.net.Socket ignored = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }
}
