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
 * The rest of the {@link Transactions} contract, for every real store: failed work leaves no write
 * behind, nested calls included. The in-memory test double serialises work but undoes nothing, as its
 * javadoc says, so it runs only {@link TransactionsContract}.
 */
public abstract class RollingBackTransactionsContract extends TransactionsContract {

    @Test
    void anExceptionInsideUndoesEveryWriteOfTheWork() {
        UserId owner = newUserId();
        users.addIfAbsent(User.newcomer(owner, null, null, Role.USER, NOW));
        UserId newcomer = newUserId();
        AtomicReference<TaskId> written = new AtomicReference<>();
        IllegalStateException boom = new IllegalStateException("after the writes");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            written.set(tasks.add(newTask(owner), NOW).id());
            users.addIfAbsent(User.newcomer(newcomer, null, null, Role.USER, NOW));
            assertTrue(tasks.find(owner, written.get()).isPresent(), "visible inside the work");
            throw boom;
        }));

        assertSame(boom, thrown);
        assertTrue(tasks.find(owner, written.get()).isEmpty(), "the task written before the failure is gone");
        assertTrue(users.find(newcomer).isEmpty(), "the user written before the failure is gone");
        assertTrue(users.find(owner).isPresent(), "what was committed before the work stays");
    }


    @Test
    void aNestedCallJoinsTheOuterWorkSoTheOuterFailureUndoesItsWrites() {
        UserId owner = newUserId();
        users.addIfAbsent(User.newcomer(owner, null, null, Role.USER, NOW));
        AtomicReference<TaskId> inner = new AtomicReference<>();
        IllegalStateException boom = new IllegalStateException("after the inner work returned");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            Task added = transactions.inTransaction(() -> tasks.add(newTask(owner), NOW));
            inner.set(added.id());
            throw boom;
        }));

        assertSame(boom, thrown);
        assertTrue(tasks.find(owner, inner.get()).isEmpty(),
                "the inner call's write was part of the outer work, not committed on its own");
    }

}
