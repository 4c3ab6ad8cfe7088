package app.todo.bootstrap;

import app.todo.application.testing.Polling;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Holds a task's row lock from a connection outside the service, so that a request writing that task
 * waits in the database for as long as a test needs a request "in flight".
 */
final class TaskRowLock implements AutoCloseable {

    private final Connection connection;

    private TaskRowLock(Connection connection) {
        this.connection = connection;
    }

    static TaskRowLock hold(Connection connection, long taskId) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM tasks WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, taskId);
            try (ResultSet rows = lock.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no task " + taskId + " to lock");
                }
            }
        }
        return new TaskRowLock(connection);
    }

    /** Returns once another session waits for a lock, i.e. the request under test is blocked on this one. */
    void awaitAWaiter(Duration limit) {
        Polling.await(limit, "a request waits for the task's row lock", () -> {
            try (PreparedStatement waiting = connection.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
                 ResultSet rows = waiting.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Lets the waiting request go on. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } catch (SQLException sessionGone) {
            // The server ended the session (a test stopped it): no lock is held any more.
        } finally {
            connection.close();
        }
    }
}
