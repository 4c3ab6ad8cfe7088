package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.application.port.out.AdminClaims;
import app.todo.application.port.out.CredentialRepository;
import app.todo.application.port.out.IdempotencyKeyRepository;
import app.todo.application.port.out.SessionRepository;
import app.todo.application.port.out.RateLimiter;
import app.todo.application.port.out.SigningKeyRepository;
import app.todo.application.port.out.StorageUnavailableException;
import app.todo.application.port.out.TaskChangeSignals;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;
import app.todo.application.port.out.UserDirectory;
import app.todo.application.port.out.UserRepository;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static app.todo.adapter.out.persistence.jooq.generated.Tables.TASKS;

/**
 * The database as the rest of the application sees it: a pool, a migrated schema, and the
 * repositories and transactions on top. The one entry point for the bootstrap module.
 */
public final class JooqDatabase implements AutoCloseable {

    /** How long a request waits for a free connection before the store counts as unavailable. */
    private static final long CONNECTION_WAIT_MILLIS = 2_000;
    /** How long a start waits for a PostgreSQL it cannot reach yet, resting {@link #START_RETRY} between tries. */
    static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration START_RETRY = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(JooqDatabase.class.getName());
    /**
     * How long a statement may go without a byte from PostgreSQL (s) before its connection is given up: far above
     * any statement of this service, below what a client waits.
     */
    public static final int REPLY_WAIT_SECONDS = 10;
    private static final int READINESS_TIMEOUT_SECONDS = 1;

    static {
        // jOOQ prints a banner and tips on first use; a server's log is no place for them.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    /**
     * Every statement of this service is scoped by its owner through an index, so the generic plan of a
     * prepared statement is the plan for every owner. Left to choose, PostgreSQL planned the task list anew
     * for each execution (its generic estimate for "one owner" is an average owner's, its custom one a
     * measured owner's): 0.45 ms of planning for 0.26 ms of execution, two fifths of the database's work per
     * list. {@code PostgresListPlanTest} checks that the generic plans use the indexes. Needs
     * PostgreSQL 12 or later.
     */
    static final String GENERIC_PLANS = "set plan_cache_mode = force_generic_plan";

    private final SessionRepository sessions;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final JooqTaskRepository tasks;
    private final JooqUserRepository users;
    private final JooqTransactions transactions;
    private final JooqCredentialRepository credentials;
    private final JooqUserDirectory userDirectory;
    private final JooqSigningKeyRepository signingKeys;
    private final JooqIdempotencyKeyRepository idempotencyKeys;
    private final JooqAdminClaims adminClaims;
    private final DatabaseTaskChangeSignals signals;

    private JooqDatabase(HikariDataSource dataSource, SQLDialect dialect, MeterRegistry metrics, DatabaseConfig config) {
        this.dataSource = dataSource;
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(dialect);
        // timestamptz read and bound as OffsetDateTime by the driver (JDBC 4.2), not through a string that
        // PgJDBC formats and jOOQ parses again: that round trip was a tenth of a task list's CPU.
        configuration.set(new Settings().withExecuteLogging(false).withBindOffsetDateTimeType(true));
        configuration.set(new ThreadLocalTransactionProvider(new FairConnectionProvider(dataSource,
                dataSource.getMaximumPoolSize(), CONNECTION_WAIT_MILLIS, metrics)));
        this.dsl = DSL.using(configuration);
        this.transactions = new JooqTransactions(dsl);
        this.signals = new DatabaseTaskChangeSignals(config);
        this.tasks = new JooqTaskRepository(dsl, transactions, signals);
        this.users = new JooqUserRepository(dsl);
        this.credentials = new JooqCredentialRepository(dsl);
        this.userDirectory = new JooqUserDirectory(dsl, transactions);
        this.signingKeys = new JooqSigningKeyRepository(dsl, transactions, PrivateKeyEncryption.none());
        this.sessions = new JooqSessionRepository(dsl, transactions);
        this.idempotencyKeys = new JooqIdempotencyKeyRepository(dsl);
        this.adminClaims = new JooqAdminClaims(dsl);
    }

    /** Signals of committed task changes, from this instance and (on PostgreSQL) every other. */
    public TaskChangeSignals taskChangeSignals() {
        return signals;
    }

    public IdempotencyKeyRepository idempotencyKeyRepository() {
        return idempotencyKeys;
    }

    public SessionRepository sessionRepository() {
        return sessions;
    }

    /**
     * Opens a pool, brings the schema up to date and returns the ready database.
     *
     * @throws StorageUnavailableException when the database cannot be reached; the message names the
     *                                     URL (without secrets) and the driver's reason
     * @throws IllegalStateException       when the schema cannot be migrated
     */
    public static JooqDatabase connect(DatabaseConfig config) {
        return connect(config, null);
    }

    /**
     * Like {@link #connect(DatabaseConfig)}, and the pool reports to {@code metrics}: connections active,
     * idle, pending and max, and the time spent waiting for one ({@code hikaricp_connections_*}, tag
     * {@code pool=todo-db}).
     */
    public static JooqDatabase connect(DatabaseConfig config, MeterRegistry metrics) {
        return connect(config, metrics, START_WAIT);
    }

    /** As {@link #connect(DatabaseConfig, MeterRegistry)}, waiting {@code startWait} for a PostgreSQL out of reach. */
    static JooqDatabase connect(DatabaseConfig config, MeterRegistry metrics, Duration startWait) {
        OwnerOnlyFiles.h2FileBase(config.jdbcUrl()).ifPresent(OwnerOnlyFiles::prepareDirectory);
        HikariDataSource dataSource = openPool(config, metrics, startWait);
        try {
            if (!schemaIsCurrent(dataSource, config)) {
                migrate(config);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate the database schema of " + config.safeJdbcUrl() + ": "
                    + rootMessage(e), e);
        }
        OwnerOnlyFiles.h2FileBase(config.jdbcUrl()).ifPresent(OwnerOnlyFiles::restrictFiles);
        return new JooqDatabase(dataSource, config.isH2() ? SQLDialect.H2 : SQLDialect.POSTGRES, metrics, config);
    }

    /**
     * The pool, once its first connection is made. A PostgreSQL that cannot be reached yet (not started, restarting,
     * a pooler still refusing logins after an outage) is asked again 2 s after each failed attempt (an attempt
     * itself waits up to 2 s) until {@link #START_WAIT} has passed, so an
     * instance that crashed during an outage comes back with the database instead of exiting; a refusal that
     * waiting cannot change (a wrong password, no such database, TLS the server lacks) ends the start at once.
     */
    private static HikariDataSource openPool(DatabaseConfig config, MeterRegistry metrics, Duration startWait) {
        long deadline = System.nanoTime() + startWait.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                HikariConfig pool = poolConfig(config);
                if (metrics != null) {
                    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
                }
                return new HikariDataSource(pool);
            } catch (RuntimeException e) {
                String failure = "cannot connect to the database " + config.safeJdbcUrl()
                        + (config.username() == null ? "" : " as " + config.username()) + ": " + rootMessage(e);
                if (!config.isPostgres() || !mayComeBack(e) || System.nanoTime() - deadline > 0) {
                    throw new StorageUnavailableException(failure, e);
                }
                if (attempt % 3 == 1) { // the first failure, then about every 12 s: enough to follow, not a flood
                    LOG.log(System.Logger.Level.WARNING, failure + "; trying again in " + START_RETRY.toSeconds()
                            + " s, until " + startWait.toSeconds() + " s after the start");
                }
                try {
                    Thread.sleep(START_RETRY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StorageUnavailableException(failure, e);
                }
            }
        }
    }

    /** A connection failure but for those no wait mends: TLS refused (08004), or no such user or database. */
    private static boolean mayComeBack(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("08004") || state.startsWith("28") || state.equals("3D000")) {
                    return false;
                }
            }
        }
        return StorageFailures.isConnectionFailure(failure);
    }

    /**
     * Initialises jOOQ's rendering (its dialects, keywords, data types) by rendering a task query without a
     * database, so that a start can do it on another thread while the database connects.
     */
    public static void warmUp() {
        DSL.using(SQLDialect.POSTGRES).render(DSL.select(TASKS.fields()).from(TASKS).where(TASKS.USER_ID.eq("warm-up")));
    }

    public TaskRepository taskRepository() {
        return tasks;
    }

    public UserRepository userRepository() {
        return users;
    }

    public Transactions transactions() {
        return transactions;
    }

    public AdminClaims adminClaims() {
        return adminClaims;
    }

    public CredentialRepository credentialRepository() {
        return credentials;
    }

    public UserDirectory userDirectory() {
        return userDirectory;
    }

    /** Signing keys whose private halves are stored as plain PKCS#8 (base64): no {@code AUTH_SECRET}. */
    public SigningKeyRepository signingKeyRepository() {
        return signingKeys;
    }

    /**
     * Signing keys whose private halves are stored encrypted (AES-256-GCM, key from HKDF-SHA256 over
     * {@code atRestSecret}'s UTF-8 bytes); keys stored in plain text, and keys encrypted under another secret,
     * come back without their private halves (so the ring replaces them).
     */
    public SigningKeyRepository signingKeyRepository(String atRestSecret) {
        return signingKeyRepository(atRestSecret, List.of());
    }

    /**
     * Like {@link #signingKeyRepository(String)}, with earlier secrets ({@code AUTH_SECRET_PREVIOUS}) that still
     * open the keys they sealed, for a rolling change of {@code AUTH_SECRET}.
     */
    public SigningKeyRepository signingKeyRepository(String atRestSecret, List<String> previousSecrets) {
        return new JooqSigningKeyRepository(dsl, transactions, PrivateKeyEncryption.withSecrets(
                atRestSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                previousSecrets.stream().map(secret -> secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList()));
    }

    /**
     * Rate limits whose buckets refill on {@code clock}. On PostgreSQL they are counted in the database, so
     * every instance that shares it counts together; on the embedded store (one instance) in the returned
     * limiter's memory.
     */
    public RateLimiter rateLimiter(Clock clock) {
        return dsl.dialect() == SQLDialect.H2 ? Bucket4jRateLimiter.inMemory(clock)
                : Bucket4jRateLimiter.shared(dataSource, dsl, clock);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** For adapters and tests in this module that need SQL beyond the ports. */
    DSLContext dsl() {
        return dsl;
    }

    /** A quick check for readiness probes: a connection within the pool's wait, and a valid one. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(READINESS_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        signals.close();
        dataSource.close();
    }

    private static HikariConfig poolConfig(DatabaseConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("todo-db");
        pool.setJdbcUrl(config.jdbcUrl());
        if (config.username() != null) {
            pool.setUsername(config.username());
        }
        if (config.password() != null) {
            pool.setPassword(config.password());
        }
        pool.setMaximumPoolSize(config.poolSize());
        pool.setMinimumIdle(Math.min(2, config.poolSize()));
        // A request waits this long for a connection, then the store counts as unavailable (503).
        pool.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        pool.setValidationTimeout(CONNECTION_WAIT_MILLIS / 2);
        // Fail at start, with the driver's reason, when the database is not there.
        pool.setInitializationFailTimeout(CONNECTION_WAIT_MILLIS);
        if (config.isPostgres() && config.jdbcUrl().split("/", 4)[2].contains(",")
                && !config.jdbcUrl().contains("hostRecheckSeconds")) {
            // A failover pair: PgJDBC remembers a host's role for 10 s by default, so a standby promoted a
            // second after the primary died would be asked for again only 10 s later (docs/operations.md).
            pool.addDataSourceProperty("hostRecheckSeconds", "2");
        }
        if (config.isPostgres() && !config.jdbcUrl().contains("socketTimeout=")) {
            // A database that stops answering mid-statement (hung, partitioned, a failed-over host gone without a
            // reset) would otherwise hold the request, its connection and its permits for as long as TCP waits:
            // minutes. Past the limit the request is a 503 (docs/operations.md, "Readiness").
            pool.addDataSourceProperty("socketTimeout", String.valueOf(REPLY_WAIT_SECONDS));
        }
        if (config.behindTransactionPooler()) {
            // A transaction-mode pooler hands each transaction whichever server connection is free: a named
            // prepared statement or a session setting made on one is missing on the next (PgBouncer before 1.21
            // keeps none), so statements go unnamed and the generic-plan setting stays off.
            pool.addDataSourceProperty("prepareThreshold", "0");
        } else if (config.isPostgres()) {
            pool.setConnectionInitSql(GENERIC_PLANS);
        }
        return pool;
    }

    /** The versions of this jar's migrations on every database; {@code MigrationVersionsTest} matches them to the files. */
    static final Set<String> COMMON_VERSIONS = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    /** The versions of its PostgreSQL-only migrations. */
    static final Set<String> POSTGRES_VERSIONS = Set.of("1.1");

    /**
     * Whether the database has exactly this jar's migrations, all successful: then Flyway, which would scan
     * the class path, take a lock and checksum every file, is not started at all, a quarter of a start on a
     * migrated database. Anything else (no history yet, a failed, missing or newer migration) is
     * Flyway's to migrate or refuse.
     */
    static boolean schemaIsCurrent(DataSource dataSource, DatabaseConfig config) {
        Set<String> expected = new java.util.HashSet<>(COMMON_VERSIONS);
        if (config.isPostgres()) {
            expected.addAll(POSTGRES_VERSIONS);
        }
        Set<String> applied = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(
                     "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(rows.getString(1));
            }
        } catch (SQLException e) {
            return false; // no history table: a new database
        }
        return applied.equals(expected);
    }

    /**
     * Flyway opens connections of its own (it holds more than one at a time, which a pool of one
     * would never grant) and closes them when done.
     */
    private static void migrate(DatabaseConfig config) {
        String[] locations = config.isPostgres()
                ? new String[] {"classpath:db/migration/common", "classpath:db/migration/postgresql"}
                : new String[] {"classpath:db/migration/common"};
        String url = config.jdbcUrl();
        if (config.behindTransactionPooler() && !url.contains("prepareThreshold=")) {
            // Flyway connects by itself: like the pool's connections (poolConfig), its statements must stay unnamed,
            // or a statement it prepared on one server connection is missing on the next.
            url += (url.contains("?") ? "&" : "?") + "prepareThreshold=0";
        }
        Flyway.configure()
                .dataSource(url, config.username(), config.password())
                .locations(locations)
                .load()
                .migrate();
    }

    /** The innermost reason: the driver's own words ("Connection to host:5432 refused"), not the pool's. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile(); // its message is the bare path
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
