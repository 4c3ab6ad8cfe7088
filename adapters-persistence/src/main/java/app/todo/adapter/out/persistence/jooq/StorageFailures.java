package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.StorageRejectedValueException;
import app.todo.application.port.out.StorageUnavailableException;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells "the database is not there" and "the database refused a value as data" from every other SQL
 * failure, so that the edge can answer "try again shortly" for the first, "your input is invalid" for
 * the second, and keep treating the rest as bugs.
 */
final class StorageFailures {

    private StorageFailures() {
    }

    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            if (isConnectionFailure(e)) {
                // The cause keeps the driver's detail for the logs; drivers do not put passwords in it.
                throw new StorageUnavailableException("the database cannot be reached right now", e);
            }
            if (isDataException(e)) {
                throw new StorageRejectedValueException(columnOf(e), "the database refused a value as invalid data", e);
            }
            throw e;
        }
    }

    /** What HikariCP's stand-in for a connection it has closed answers to every call. */
    private static final String HIKARI_CLOSED = "Connection is closed";

    /**
     * Pool timeouts, refused or broken connections, SQL state class 08 ("connection exception"),
     * PostgreSQL's 57P01–57P05 (the server is shutting down, crashed, starting up, or ended the
     * session: a pooled connection meets these first when the database restarts), 53300 (too many
     * connections), and a connection the pool closed after such a failure.
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageUnavailableException) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
                // The pool closed the connection after a fatal failure on it; a library's cleanup that used it next
                // (Bucket4j's rollback after a socket timeout) reports only this, without a state, the cause lost.
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** SQLSTATE class 22, "data exception", anywhere in the cause chain. */
    static boolean isDataException(Throwable failure) {
        return sqlState(failure).map(state -> state.startsWith("22")).orElse(false);
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** PostgreSQL names the column for some data exceptions; column names are the API's field names. */
    private static String columnOf(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getColumn();
            }
        }
        return null;
    }

    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
