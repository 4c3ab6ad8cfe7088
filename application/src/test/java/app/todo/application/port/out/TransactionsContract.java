package app.todo.application.port.out;

import app.todo.domain.task.NewTask;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tags;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.Title;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link Transactions} must do, as its javadoc says: the work's writes all land, or none do
 * when it throws; and (as the services rely on it) the work's exception reaches the caller unchanged and
 * a call inside running work joins it, so the outer failure undoes the inner writes too.
 */
public abstract class TransactionsContract {

    protected static final Instant NOW = Instant.parse("2026-05-01T08:00:00.000001Z");

    protected TaskRepository tasks;
    protected UserRepository users;
    protected Transactions transactions;

    /** A store to run one test against; it may hold data of other tests. */
    protected abstract ContractStore newStore();

    @BeforeEach
    void openStore() {
        ContractStore store = newStore();
        tasks = store.tasks();
        users = store.users();
        transactions = store.transactions();
    }

    @Test
    void committedWorkReturnsItsResultAndItsWritesAreVisibleAfterwards() {
        UserId owner = newUserId();

        Task added = transactions.inTransaction(() -> {
            users.addIfAbsent(User.newcomer(owner, null, null, Role.USER, NOW));
            return tasks.add(newTask(owner), NOW);
        });

        assertTrue(users.find(owner).isPresent(), "the user written inside is there");
        assertEquals(added, tasks.find(owner, added.id()).orElseThrow(), "the task written inside is there");
    }

    @Test
    void theWorksExceptionReachesTheCallerUnchanged() {
        IllegalStateException boom = new IllegalStateException("the work's own failure");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> transactions.inTransaction(() -> {
                    throw boom;
                }));

        assertSame(boom, thrown);
    }

    @Test
    void aNestedCallReturnsItsResultAndCommitsWithTheOuterWork() {
        UserId owner = newUserId();
        users.addIfAbsent(User.newcomer(owner, null, null, Role.USER, NOW));

        Task added = transactions.inTransaction(() -> transactions.inTransaction(() -> tasks.add(newTask(owner), NOW)));

        assertEquals(added, tasks.find(owner, added.id()).orElseThrow());
    }

    protected static UserId newUserId() {
        return new UserId("tx-contract-" + UUID.randomUUID());
    }

    protected static NewTask newTask(UserId owner) {
        return new NewTask(owner, new Title("In a transaction"), null, false, Priority.MEDIUM, null,
                Tags.NONE);
    }
}
