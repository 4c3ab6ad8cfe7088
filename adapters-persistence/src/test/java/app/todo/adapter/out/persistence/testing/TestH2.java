package app.todo.adapter.out.persistence.testing;

import app.todo.adapter.out.persistence.DatabaseConfig;

import java.nio.file.Path;
import java.util.UUID;

/** A fresh in-memory H2 database in PostgreSQL mode, alive until the JVM exits. */
public final class TestH2 {

    private TestH2() {
    }

    public static DatabaseConfig newDatabase() {
        return DatabaseConfig.fromDatabaseUrl("jdbc:h2:mem:todo_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Path.of("unused"), 8);
    }
}
