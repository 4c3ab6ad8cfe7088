package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.StorageRejectedValueException;
import app.todo.application.port.out.StorageUnavailableException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which database failures mean "not there right now" (a 503 at the edge) and which stay bugs (a 500). */
class StorageFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P02", "57P03", "53300"})
    void connectionAndServerStateFailuresMeanUnavailable(String sqlState) {
        DataAccessException failure = new DataAccessException("query failed", new SQLException("gone", sqlState));
        assertThrows(StorageUnavailableException.class, () -> StorageFailures.translated(() -> {
            throw failure;
        }));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionMeansUnavailable() {
        DataAccessException failure = new DataAccessException("Error getting connection from data source",
                new SQLTransientConnectionException("todo-db - Connection is not available, request timed out"));
        assertThrows(StorageUnavailableException.class, () -> StorageFailures.translated(() -> {
            throw failure;
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42P01", "23505", "57014"})
    void otherFailuresStayWhatTheyAre(String sqlState) {
        DataAccessException failure = new DataAccessException("query failed", new SQLException("bug", sqlState));
        assertSame(failure, assertThrows(DataAccessException.class, () -> StorageFailures.translated(() -> {
            throw failure;
        })));
    }

    /** Class 22 is the client's data, whatever the subclass: never a 500 (docs/rules.md §5). */
    @ParameterizedTest
    @ValueSource(strings = {"22000", "22001", "22003", "22007", "22008", "22012", "22021", "22P02", "22P05"})
    void dataExceptionsMeanTheValueWasRefused(String sqlState) {
        DataAccessException failure = new DataAccessException("query failed", new SQLException("bad value", sqlState));
        StorageRejectedValueException refused = assertThrows(StorageRejectedValueException.class,
                () -> StorageFailures.translated(() -> {
                    throw failure;
                }));
        assertSame(failure, refused.getCause());
    }
}
