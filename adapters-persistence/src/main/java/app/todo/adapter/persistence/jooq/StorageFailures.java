package app.todo.adapter.persistence.jooq;

import app.todo.application.port.out.StorageUnavailableException;
import org.jooq.exception.DataAccessException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * Tells "the database is not there" from every other SQL failure, so that the edge can answer
 * "try again shortly" for the first and keep treating the rest as bugs.
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
            throw e;
        }
    }

    /**
     * Pool timeouts, refused or broken connections, SQL state class 08 ("connection exception"),
     * PostgreSQL's 57P01–57P05 (the server is shutting down, crashed, starting up, or ended the
     * session: a pooled connection meets these first when the database restarts) and 53300 (too many
     * connections).
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
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
