package app.todo.adapter.out.persistence.testing;

import app.todo.adapter.out.persistence.DatabaseConfig;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database for tests. The server is the one named by {@code TEST_DATABASE_URL} (JDBC
 * or {@code postgres://} form) when it is set, as {@code bin/test} sets it; else a Testcontainers
 * container when Docker is available; else {@code jdbc:postgresql://127.0.0.1:5432/test} as user
 * {@code postgres}. Docker is only asked when no URL is given, so its probe does not clutter the log.
 *
 * <p>When no server can be reached this fails loudly: a test that silently skips the real database
 * proves nothing.
 */
public final class TestPostgres {

    public static final String ENVIRONMENT_VARIABLE = "TEST_DATABASE_URL";
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String DEFAULT_USER = "postgres";
    private static final int DEFAULT_POOL_SIZE = 8;
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

    private static DatabaseConfig server;

    private TestPostgres() {
    }

    /** A new, empty database of its own, dropped when the JVM exits. */
    public static DatabaseConfig newDatabase() {
        return newDatabase(DEFAULT_POOL_SIZE);
    }

    public static synchronized DatabaseConfig newDatabase(int poolSize) {
        DatabaseConfig admin = server();
        String name = "todo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(admin, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(admin, name)));
        Matcher url = DATABASE_IN_URL.matcher(admin.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("cannot place a database name in " + admin.safeJdbcUrl());
        }
        String jdbcUrl = url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
        return new DatabaseConfig(jdbcUrl, admin.username(), admin.password(), poolSize);
    }

    private static DatabaseConfig server() {
        if (server == null) {
            String configured = System.getenv(ENVIRONMENT_VARIABLE);
            server = configured != null && !configured.isBlank() ? configuredServer()
                    : DockerClientFactory.instance().isDockerAvailable() ? container() : configuredServer();
            try (Connection ignored = open(server)) {
                // reachable
            } catch (SQLException e) {
                throw new IllegalStateException("No PostgreSQL for the tests: Docker is not available and "
                        + server.safeJdbcUrl() + " (user " + server.username() + ") cannot be reached: "
                        + e.getMessage() + ". Start PostgreSQL there, or set " + ENVIRONMENT_VARIABLE
                        + " to a server where this user may CREATE DATABASE.", e);
            }
        }
        return server;
    }

    private static DatabaseConfig container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new DatabaseConfig(container.getJdbcUrl(), container.getUsername(), container.getPassword(), 1);
    }

    private static DatabaseConfig configuredServer() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured == null || configured.isBlank()) {
            return new DatabaseConfig(DEFAULT_URL, DEFAULT_USER, null, 1);
        }
        DatabaseConfig config = DatabaseConfig.fromDatabaseUrl(configured, Path.of("unused"), 1);
        if (!config.isPostgres()) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " must name a PostgreSQL server, not "
                    + config.safeJdbcUrl());
        }
        return config;
    }

    private static Connection open(DatabaseConfig config) throws SQLException {
        Properties properties = new Properties();
        if (config.username() != null) {
            properties.setProperty("user", config.username());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(config.jdbcUrl(), properties);
    }

    private static void execute(DatabaseConfig config, String sql) {
        try (Connection connection = open(config); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private static void dropQuietly(DatabaseConfig admin, String name) {
        try (Connection connection = open(admin); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
