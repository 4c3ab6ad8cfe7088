package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.Transactions;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions bound to the calling thread (jOOQ's {@code ThreadLocalTransactionProvider}), so the
 * repositories built on the same {@link DSLContext} use their connection without passing it around.
 * Helidon runs each request on its own virtual thread, which keeps requests apart.
 *
 * <p>A call inside a running transaction joins it: a repository that needs atomicity for its own
 * several statements can ask for a transaction without opening a second one (jOOQ would otherwise
 * make a savepoint, or, without nesting, commit and close the outer one's connection).
 */
public final class JooqTransactions implements Transactions {

    private final DSLContext dsl;
    /** While a transaction runs on this thread: what to do once it has committed. */
    private final ThreadLocal<List<Runnable>> running = new ThreadLocal<>();

    public JooqTransactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (running.get() != null) {
            return work.get();
        }
        List<Runnable> afterCommit = new ArrayList<>();
        // jOOQ rolls back and rethrows the work's own RuntimeException unchanged.
        T result = StorageFailures.translated(() -> dsl.transactionResult(configuration -> {
            running.set(afterCommit);
            try {
                return work.get();
            } finally {
                running.remove();
            }
        }));
        afterCommit.forEach(Runnable::run);
        return result;
    }

    /** Runs {@code action} once the transaction running on this thread has committed; at once when none runs. */
    void afterCommit(Runnable action) {
        List<Runnable> pending = running.get();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }
}
