package app.todo.application.memory;

import app.todo.application.port.out.Transactions;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises all work: the simplest model of isolation that still makes
 * {@code findForUpdate} honest. Writes made before a failure are not undone, so tests that need
 * rollback run against a real database.
 */
public final class InMemoryTransactions implements Transactions {

    private final ReentrantLock lock;

    public InMemoryTransactions(ReentrantLock lock) {
        this.lock = lock;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
