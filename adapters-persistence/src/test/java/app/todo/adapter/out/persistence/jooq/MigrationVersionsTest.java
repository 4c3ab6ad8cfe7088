package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestH2;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start skips Flyway when the database already has exactly this jar's migrations
 * ({@link JooqDatabase#schemaIsCurrent}); these tests keep that judgement true to the migration files.
 */
class MigrationVersionsTest {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9_]+)__.*\\.sql");

    @Test
    void theKnownVersionsAreThoseOfTheMigrationFiles() throws Exception {
        assertEquals(versionsIn("db/migration/common"), JooqDatabase.COMMON_VERSIONS);
        assertEquals(versionsIn("db/migration/postgresql"), JooqDatabase.POSTGRES_VERSIONS);
    }

    @Test
    void aMigratedH2DatabaseIsCurrentAndOneMissingAMigrationIsNot() {
        assertCurrentOnlyWithEveryMigration(TestH2.newDatabase(), "\"version\" = '6'");
    }

    @Test
    void aMigratedPostgresDatabaseIsCurrentAndOneWithAFailedMigrationIsNot() {
        DatabaseConfig config = TestPostgres.newDatabase();
        try (JooqDatabase database = JooqDatabase.connect(config)) {
            assertTrue(JooqDatabase.schemaIsCurrent(database.dataSource(), config));
            database.dsl().execute("update \"flyway_schema_history\" set \"success\" = false where \"version\" = '3'");
            assertFalse(JooqDatabase.schemaIsCurrent(database.dataSource(), config), "a failed migration");
        }
    }

    private static void assertCurrentOnlyWithEveryMigration(DatabaseConfig config, String oneMigration) {
        try (JooqDatabase database = JooqDatabase.connect(config)) {
            assertTrue(JooqDatabase.schemaIsCurrent(database.dataSource(), config));
            database.dsl().execute("delete from \"flyway_schema_history\" where " + oneMigration);
            assertFalse(JooqDatabase.schemaIsCurrent(database.dataSource(), config), "a migration missing");
        }
    }

    private static Set<String> versionsIn(String directory) throws IOException, URISyntaxException {
        Path path = Path.of(MigrationVersionsTest.class.getClassLoader().getResource(directory).toURI());
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> match.group(1).replace('_', '.'))
                    .collect(Collectors.toSet());
        }
    }
}
