package app.todo.adapter.persistence.jooq;

import app.todo.application.port.out.Transactions;
import org.jooq.DSLContext;

import java.util.function.Supplier;

/**
 * Transactions bound to the calling thread (jOOQ's {@code ThreadLocalTransactionProvider}), so the
 * repositories built on the same {@link DSLContext} join them without passing a connection around.
 * Helidon runs each request on its own virtual thread, which keeps requests apart.
 */
public final class JooqTransactions implements Transactions {

    private final DSLContext dsl;

    public JooqTransactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        // jOOQ rolls back and rethrows the work's own RuntimeException unchanged.
        return StorageFailures.translated(() -> dsl.transactionResult(configuration -> work.get()));
    }
}
