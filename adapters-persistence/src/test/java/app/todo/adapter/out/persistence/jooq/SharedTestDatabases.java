package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.testing.TestH2;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import app.todo.application.port.out.ContractStore;

/**
 * One H2 and one PostgreSQL database for all contract runs of a JVM: the contracts isolate
 * themselves by creating new owners, so migrating a database per test would only cost time.
 */
final class SharedTestDatabases {

    private static JooqDatabase h2;
    private static JooqDatabase postgres;

    private SharedTestDatabases() {
    }

    static synchronized JooqDatabase h2() {
        if (h2 == null) {
            h2 = closedAtExit(JooqDatabase.connect(TestH2.newDatabase()));
        }
        return h2;
    }

    static synchronized JooqDatabase postgres() {
        if (postgres == null) {
            postgres = closedAtExit(JooqDatabase.connect(TestPostgres.newDatabase()));
        }
        return postgres;
    }

    static ContractStore contractStore(JooqDatabase database) {
        return new ContractStore(database.taskRepository(), database.userRepository(), database.transactions(),
                database.idempotencyKeyRepository());
    }

    private static JooqDatabase closedAtExit(JooqDatabase database) {
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        return database;
    }
}
