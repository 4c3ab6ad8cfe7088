package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;
import app.todo.domain.task.Description;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tags;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskFilter;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.Title;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What only a real database can show: atomicity, row locks, and the PostgreSQL-only migration. */
class PostgresTransactionsTest {

    private static final Instant START = Instant.parse("2026-07-01T10:00:00Z");

    private final JooqDatabase database = SharedTestDatabases.postgres();
    private final TaskRepository tasks = database.taskRepository();
    private final Transactions transactions = database.transactions();
    private final AtomicLong micros = new AtomicLong();
    private UserId owner;

    @BeforeEach
    void newOwner() {
        owner = new UserId("tx-" + UUID.randomUUID());
        database.userRepository().addIfAbsent(User.newcomer(owner, null, null, Role.USER, START));
    }

    /** A real class-22 error from PostgreSQL (division by zero is 22012) leaves as a refused value. */
    @Test
    void aDataExceptionInsideATransactionIsARefusedValueAndWritesNothing() {
        assertThrows(app.todo.application.port.out.StorageRejectedValueException.class,
                () -> transactions.inTransaction(() -> {
                    tasks.add(draft("before the bad value"), now());
                    return database.dsl().fetchValue("select 1 / 0");
                }));
        assertEquals(0, tasks.list(owner, TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, new PageRequest(10, 0)).total());
    }

    @Test
    void aFailedTransactionLeavesNothingWritten() {
        IllegalStateException failure = new IllegalStateException("changed my mind");
        List<Task> added = new ArrayList<>();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            added.add(tasks.add(draft("first"), now()));
            added.add(tasks.add(draft("second"), now()));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(2, added.size());
        for (Task task : added) {
            assertEquals(Optional.empty(), tasks.find(owner, task.id()));
        }
        assertEquals(0, tasks.list(owner, TaskFilter.EVERYTHING, TaskSort.NEWEST_FIRST, PageRequest.FIRST).total());
        assertEquals(0L, count("select count(*) from task_tags where user_id = ?", owner.value()));
    }

    @Test
    void concurrentReadModifyWritesNeverLoseAnUpdate() throws Exception {
        Task task = transactions.inTransaction(() -> tasks.add(draft("contended"), now()));
        int writers = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return transactions.inTransaction(() -> {
                        Task current = tasks.findForUpdate(owner, task.id()).orElseThrow();
                        Task toggled = current.toggleCompleted(now());
                        tasks.update(toggled);
                        return toggled;
                    });
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        }

        Task last = tasks.find(owner, task.id()).orElseThrow();
        assertEquals(Task.FIRST_VERSION + writers, last.version());
        assertFalse(last.completed(), "an even number of toggles ends where it began");
    }

    @Test
    void postgresGetsItsOwnMigrationsOnTopOfTheCommonOnes() {
        List<String> versions = database.dsl().fetchValues(
                "select version from flyway_schema_history where success order by installed_rank").stream()
                .map(String::valueOf).toList();
        long titleIndexes = count(
                "select count(*) from pg_indexes where tablename = 'tasks' and indexname = 'tasks_user_title_ix'");

        assertEquals(List.of("1", "1.1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), versions);
        assertEquals(1L, titleIndexes);
    }

    private long count(String sql, Object... bindings) {
        return ((Number) database.dsl().fetchValue(sql, bindings)).longValue();
    }

    private NewTask draft(String title) {
        return new NewTask(owner, new Title(title), new Description("d"), false, Priority.MEDIUM, null,
                Tags.of(List.of("tagged")));
    }

    private Instant now() {
        return START.plusNanos(1_000 * micros.incrementAndGet());
    }
}
