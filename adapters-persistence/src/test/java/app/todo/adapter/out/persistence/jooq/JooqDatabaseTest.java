package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestH2;
import app.todo.application.port.out.StorageUnavailableException;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tags;
import app.todo.domain.task.Task;
import app.todo.domain.task.Title;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JooqDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");
    private static final UserId ADA = new UserId("ada");

    @Test
    void theEmbeddedDatabaseIsCreatedOnFirstStartAndKeptAcrossRestarts(@TempDir Path temp) {
        Path directory = temp.resolve("not-yet").resolve("data");
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl(null, directory, 2);

        Task stored;
        try (JooqDatabase first = JooqDatabase.connect(config)) {
            first.userRepository().addIfAbsent(User.newcomer(ADA, null, "Ada", Role.USER, NOW));
            stored = first.transactions().inTransaction(() -> first.taskRepository().add(new NewTask(ADA,
                    new Title("survive a restart"), null, false, Priority.HIGH, null, Tags.of(List.of("kept"))), NOW));
        }
        assertTrue(Files.isDirectory(directory));

        try (JooqDatabase second = JooqDatabase.connect(config)) {
            assertEquals(Optional.of(stored), second.taskRepository().find(ADA, stored.id()));
            assertEquals("Ada", second.userRepository().find(ADA).orElseThrow().name());
        }
    }

    @Test
    void anUnreachableServerAtStartGivesAClearMessageWithoutThePassword() {
        // Port 1 on loopback: nothing listens there, so the driver is refused at once.
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl("postgres://todo:s3cr3t-pw@127.0.0.1:1/todo", Path.of("."), 2);

        StorageUnavailableException refused = assertThrows(StorageUnavailableException.class,
                () -> JooqDatabase.connect(config, null, java.time.Duration.ZERO));

        assertTrue(refused.getMessage().contains("jdbc:postgresql://127.0.0.1:1/todo"), refused.getMessage());
        assertTrue(refused.getMessage().toLowerCase().contains("refused"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cr3t-pw"), refused.getMessage());
    }

    @Test
    void noFreeConnectionWithinTheWaitMeansStorageUnavailableAndThePoolReportsIt() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (JooqDatabase database = JooqDatabase.connect(withPoolSize(TestH2.newDatabase(), 1), registry)) {
            database.userRepository().find(ADA);
            assertEquals(1, poolGauge(registry, "hikaricp.connections.max"));
            assertTrue(registry.get("hikaricp.connections.acquire").tag("pool", "todo-db").timer().count() >= 1,
                    "each wait for a connection is timed");
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() ->
                    database.transactions().inTransaction(() -> {
                        holding.countDown();
                        await(release);
                        return null;
                    }));
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            try {
                assertThrows(StorageUnavailableException.class, () -> database.userRepository().find(ADA));
                assertThrows(StorageUnavailableException.class,
                        () -> database.transactions().inTransaction(() -> "never runs"));
                assertFalse(database.isReachable());
                // Those waits outlast the pool's one-second statistics cache, so the gauges are current.
                // Repositories wait in a fair line in front of the pool; the readiness check asks the pool itself.
                assertTrue(registry.get("db.connection.wait.timeouts").counter().count() >= 2,
                        "both repository waits above gave up");
                assertTrue(registry.get("db.connection.wait").timer().count() >= 3, "every wait is timed");
                assertTrue(registry.get("hikaricp.connections.timeout").tag("pool", "todo-db").counter().count() >= 1,
                        "the readiness check's wait timed out in the pool");
                assertEquals(1, poolGauge(registry, "hikaricp.connections.active"));
                assertEquals(0, poolGauge(registry, "hikaricp.connections.idle"));
            } finally {
                release.countDown();
            }
            holder.get(30, TimeUnit.SECONDS);
            assertTrue(database.isReachable(), "the connection is back once the holder is done");
        }
    }

    @Test
    void aClosedDatabaseIsNotReachable() {
        JooqDatabase database = JooqDatabase.connect(TestH2.newDatabase());
        assertTrue(database.isReachable());

        database.close();

        assertFalse(database.isReachable());
    }

    private static double poolGauge(MeterRegistry registry, String name) {
        return registry.get(name).tag("pool", "todo-db").gauge().value();
    }

    private static DatabaseConfig withPoolSize(DatabaseConfig config, int poolSize) {
        return new DatabaseConfig(config.jdbcUrl(), config.username(), config.password(), poolSize);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
