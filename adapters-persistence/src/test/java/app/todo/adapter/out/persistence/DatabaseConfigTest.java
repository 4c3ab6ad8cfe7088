package app.todo.adapter.out.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseConfigTest {

    private static final Path DATA = Path.of("/var/lib/todo/data");

    @Test
    void neonsUrlBecomesAJdbcUrlWithDecodedCredentials() {
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl(
                "postgres://alex:p%40ss@ep-x.eu-central-1.aws.neon.tech/neondb?sslmode=require", DATA, 5);

        assertEquals("jdbc:postgresql://ep-x.eu-central-1.aws.neon.tech/neondb?sslmode=require", config.jdbcUrl());
        assertEquals("alex", config.username());
        assertEquals("p@ss", config.password());
        assertEquals(5, config.poolSize());
        assertTrue(config.isPostgres());
    }

    @Test
    void libpqParameterNamesThatPgJdbcSpellsDifferentlyAreTranslated() {
        // PgJDBC silently ignores channel_binding; dropping it would weaken what the URL asked for.
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl("postgresql://u:pw@host:6543/db"
                + "?sslmode=require&channel_binding=require&application_name=todo&connect_timeout=10", DATA, 5);

        assertEquals("jdbc:postgresql://host:6543/db?sslmode=require&channelBinding=require"
                + "&ApplicationName=todo&connectTimeout=10", config.jdbcUrl());
    }

    @Test
    void credentialsMayHoldAnyCharacterWhenEncoded() {
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl(
                "postgresql://us%3Aer:a%2Fb%3Ac%25d+e%F0%9F%A6%8A@[::1]:5432/todo", DATA, 2);

        assertEquals("us:er", config.username());
        assertEquals("a/b:c%d+e🦊", config.password());
        assertEquals("jdbc:postgresql://[::1]:5432/todo", config.jdbcUrl());
    }

    @Test
    void anUnencodedAtSignInThePasswordStillParses() {
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl("postgres://u:p@ss@db.example.org/app", DATA, 2);

        assertEquals("p@ss", config.password());
        assertEquals("jdbc:postgresql://db.example.org/app", config.jdbcUrl());
    }

    @Test
    void aUrlWithoutCredentialsLeavesThemToTheDriver() {
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl("postgres://db1:5432,db2:5433/app", DATA, 2);

        assertEquals("jdbc:postgresql://db1:5432,db2:5433/app", config.jdbcUrl());
        assertEquals(null, config.username());
        assertEquals(null, config.password());
    }

    @Test
    void jdbcUrlsPassThrough() {
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl(
                " jdbc:postgresql://127.0.0.1:5432/test?user=postgres ", DATA, 3);

        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", config.jdbcUrl());
        assertEquals(null, config.username());
    }

    @Test
    void h2UrlsGetThePostgresCompatibilitySettingsTheyLack() {
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl("jdbc:h2:mem:x;MODE=PostgreSQL", DATA, 3);

        assertEquals("jdbc:h2:mem:x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;"
                        + "TRACE_LEVEL_FILE=0",
                config.jdbcUrl());
        assertTrue(config.isH2());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void noUrlMeansTheEmbeddedDatabaseInTheGivenDirectory(String blank) {
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl(blank, DATA, 4);

        assertEquals("jdbc:h2:file:/var/lib/todo/data/todo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0", config.jdbcUrl());
        assertEquals(config, DatabaseConfig.fromDatabaseUrl(null, DATA, 4));
        assertTrue(config.isH2());
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseConfig fromNeon = DatabaseConfig.fromDatabaseUrl(
                "postgres://alex:s3cr3t-pw@ep-x.neon.tech/neondb?sslmode=require", DATA, 5);
        DatabaseConfig inJdbcUrl = DatabaseConfig.fromDatabaseUrl(
                "jdbc:postgresql://h/db?user=u&password=s3cr3t-pw&ssl=true", DATA, 5);

        assertFalse(fromNeon.toString().contains("s3cr3t-pw"), fromNeon.toString());
        assertTrue(fromNeon.toString().contains("alex"), fromNeon.toString());
        assertFalse(inJdbcUrl.toString().contains("s3cr3t-pw"), inJdbcUrl.toString());
        assertTrue(inJdbcUrl.toString().contains("ssl=true"), inJdbcUrl.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://u:s3cr3t-pw@host/db",
            "postgres://u:s3cr3t-pw@/db",
            "postgres://u:s3cr3t-pw@host:port/db",
            "postgres://u:s3cr3t-pw%zz@host/db",
            "postgres://u:s3cr3t-pw@host/db/extra",
            "jdbc:postgresql:db?password=s3cr3t-pw",
            "jdbc:mysql://host/db?password=s3cr3t-pw",
            "postgres://u:s3cr3t-pw@127.0.0.1:5432",
            "postgres://u:s3cr3t-pw@127.0.0.1:5432/",
            "jdbc:postgresql://127.0.0.1:5432?password=s3cr3t-pw",
            "jdbc:postgresql://127.0.0.1:5432/?password=s3cr3t-pw",
            "u:s3cr3t-pw@garbage"})
    void aMalformedUrlIsRefusedWithoutRevealingThePassword(String url) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseConfig.fromDatabaseUrl(url, DATA, 5));

        assertTrue(refused.getMessage().startsWith("database URL"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cr3t-pw"), refused.getMessage());
    }

    /** without a name, PostgreSQL would quietly use its default database ('postgres'). */
    @Test
    void aUrlWithoutADatabaseNameIsRefusedSayingWhy() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseConfig.fromDatabaseUrl("postgres://postgres@127.0.0.1:5432", DATA, 5));
        assertTrue(refused.getMessage().contains("names no database"), refused.getMessage());
    }

    @Test
    void aUrlWithoutSchemeSaysWhatWasGiven() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseConfig.fromDatabaseUrl("garbage", DATA, 5));
        assertTrue(refused.getMessage().contains("'garbage'"), refused.getMessage());
    }

    @Test
    void aPoolNeedsAtLeastOneConnection() {
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseConfig.fromDatabaseUrl("jdbc:h2:mem:x", DATA, 0));
    }

    @org.junit.jupiter.api.Test
    void aTransactionModePoolerIsRecognisedByItsUrl() {
        java.nio.file.Path dir = java.nio.file.Path.of("data");
        for (String pooled : new String[] {
                "postgres://u:p@ep-cool-name-123456-pooler.eu-central-1.aws.neon.tech/neondb?sslmode=require",
                "postgresql://postgres.abc:p@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
                "jdbc:postgresql://127.0.0.1:6432/todo?pgbouncer=true",
                "postgres://u:p@db.internal:6432/todo?sslmode=disable&pgbouncer=true",
                "jdbc:postgresql://127.0.0.1:6432/todo?prepareThreshold=0"}) {
            org.junit.jupiter.api.Assertions.assertTrue(DatabaseConfig.fromDatabaseUrl(pooled, dir, 4).behindTransactionPooler(),
                    pooled);
        }
        for (String direct : new String[] {
                "postgres://u:p@ep-cool-name-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require",
                "jdbc:postgresql://127.0.0.1:5432/todo", "jdbc:postgresql://127.0.0.1:5432/todo?pgbouncer=false"}) {
            org.junit.jupiter.api.Assertions.assertFalse(DatabaseConfig.fromDatabaseUrl(direct, dir, 4).behindTransactionPooler(),
                    direct);
        }
        org.junit.jupiter.api.Assertions.assertFalse(DatabaseConfig.embedded(dir, 4).behindTransactionPooler());
    }

    @org.junit.jupiter.api.Test
    void libpqsTargetSessionAttrsAsksPgJdbcForThePrimary() {
        DatabaseConfig pair = DatabaseConfig.fromDatabaseUrl(
                "postgres://u:p@node1:5432,node2:5433/todo?target_session_attrs=read-write", java.nio.file.Path.of("data"), 4);
        org.junit.jupiter.api.Assertions.assertEquals("jdbc:postgresql://node1:5432,node2:5433/todo?targetServerType=primary",
                pair.jdbcUrl());
    }
}
