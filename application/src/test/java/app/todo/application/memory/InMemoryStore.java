package app.todo.application.memory;

import java.util.concurrent.locks.ReentrantLock;

/** One in-memory "database": repositories and transactions that share one lock. */
public final class InMemoryStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final InMemoryTaskRepository tasks = new InMemoryTaskRepository(lock);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryTransactions transactions = new InMemoryTransactions(lock);
    private final InMemoryCredentialRepository credentials = new InMemoryCredentialRepository(users);
    private final InMemoryAdminClaims adminClaims = new InMemoryAdminClaims();
    private final InMemoryUserDirectory userDirectory = new InMemoryUserDirectory(users, tasks);
    private final InMemorySigningKeyRepository signingKeys = new InMemorySigningKeyRepository();
    private final InMemorySessionRepository sessions = new InMemorySessionRepository();
    private final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();

    public InMemoryIdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    public InMemorySessionRepository sessions() {
        return sessions;
    }

    public InMemoryTaskRepository tasks() {
        return tasks;
    }

    public InMemoryUserRepository users() {
        return users;
    }

    public InMemoryTransactions transactions() {
        return transactions;
    }

    public InMemoryAdminClaims adminClaims() {
        return adminClaims;
    }

    public InMemoryCredentialRepository credentials() {
        return credentials;
    }

    public InMemoryUserDirectory userDirectory() {
        return userDirectory;
    }

    public InMemorySigningKeyRepository signingKeys() {
        return signingKeys;
    }
}
