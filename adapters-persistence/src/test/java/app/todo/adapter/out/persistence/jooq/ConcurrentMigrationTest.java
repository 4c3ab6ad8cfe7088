package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instances that start together on one fresh PostgreSQL database all start: the migrations run once,
 * under Flyway's advisory lock, and the others find them done.
 */
class ConcurrentMigrationTest {

    private static final int INSTANCES = 3;

    @Test
    void instancesStartingAtTheSameMomentOnAFreshDatabaseAllSucceedAndEachMigrationRunsOnce() throws Exception {
        DatabaseConfig fresh = TestPostgres.newDatabase();
        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        List<JooqDatabase> started = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(INSTANCES)) {
            List<Future<JooqDatabase>> starts = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                starts.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return JooqDatabase.connect(fresh);
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<JooqDatabase> start : starts) {
                try {
                    started.add(start.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            assertEquals(List.of(), failures, "every instance starts");
        } finally {
            started.forEach(JooqDatabase::close);
        }

        Map<String, Integer> applied = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(fresh.jdbcUrl(), fresh.username(), fresh.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select version, count(*) from flyway_schema_history where version is not null and success"
                             + " group by version")) {
            while (rows.next()) {
                applied.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertTrue(applied.keySet().containsAll(java.util.List.of("1", "1.1", "2", "3", "4")), applied::toString);
        assertTrue(applied.values().stream().allMatch(count -> count == 1), () -> "each migration exactly once: " + applied);
    }
}
