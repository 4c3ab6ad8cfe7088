package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestH2;
import app.todo.adapter.out.persistence.testing.TestPostgres;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.RATE_LIMIT_BUCKETS;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.SIGNING_KEYS;
import static app.todo.adapter.out.persistence.jooq.generated.Tables.USERS;

/**
 * Databases for the contracts that need an empty store per test (a directory lists every user; there
 * is one signing key per store). One H2 and one PostgreSQL database of their own, apart from the
 * shared ones, each reachable through two {@link JooqDatabase}s (two pools, as two instances of the
 * service would have), and emptied before each test.
 */
final class EmptiedTestDatabases {

    /** Two instances of the service over one database. */
    record Pair(JooqDatabase one, JooqDatabase another) {
    }

    private static Pair h2;
    private static Pair postgres;

    private EmptiedTestDatabases() {
    }

    static synchronized Pair h2() {
        if (h2 == null) {
            h2 = pairOver(TestH2.newDatabase());
        }
        return emptied(h2);
    }

    static synchronized Pair postgres() {
        if (postgres == null) {
            postgres = pairOver(TestPostgres.newDatabase());
        }
        return emptied(postgres);
    }

    private static Pair pairOver(DatabaseConfig config) {
        JooqDatabase one = JooqDatabase.connect(config);
        JooqDatabase another = JooqDatabase.connect(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            another.close();
            one.close();
        }));
        return new Pair(one, another);
    }

    /** Deleting the users deletes their tasks, tags and credentials too (ON DELETE CASCADE). */
    private static Pair emptied(Pair pair) {
        pair.one().dsl().deleteFrom(RATE_LIMIT_BUCKETS).execute();
        pair.one().dsl().deleteFrom(SIGNING_KEYS).execute();
        pair.one().dsl().deleteFrom(USERS).execute();
        return pair;
    }
}
