package app.todo.bootstrap;

import app.todo.adapter.in.http.CorsFilter;
import app.todo.adapter.in.http.HttpConfig;
import app.todo.adapter.in.http.RequestBodies;
import app.todo.adapter.in.http.account.AccountRateLimits;
import app.todo.adapter.in.http.account.AccountRoutes;
import app.todo.adapter.in.http.account.AdminRoutes;
import app.todo.adapter.out.password.Argon2PasswordHasher;
import app.todo.adapter.in.http.account.ClientAddress;
import app.todo.adapter.out.token.ClaimsPolicy;
import app.todo.adapter.out.token.Ed25519TokenIssuer;
import app.todo.adapter.out.token.OwnSigningKeys;
import app.todo.application.port.in.TaskUseCases;
import app.todo.adapter.in.http.ShutdownDrain;
import app.todo.adapter.in.http.TodoHttpServer;
import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.adapter.out.token.TokenVerifiers;
import app.todo.adapter.out.token.TokenVerificationMetrics;
import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.token.Ed25519KeyPairs;
import app.todo.adapter.out.persistence.jooq.JooqDatabase;
import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.out.SigningKeyRepository;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.port.out.Transactions;
import app.todo.application.port.out.UserRepository;
import app.todo.application.port.in.AccountUseCases;
import app.todo.application.service.AccessTokenService;
import app.todo.application.service.AccountUseCasesFactory;
import app.todo.application.service.AdminBootstrap;
import app.todo.application.service.AttemptLimits;
import app.todo.application.service.IdentifyCallerService;
import app.todo.application.port.in.FollowTaskChangesUseCase;
import app.todo.application.service.RecentCallers;
import app.todo.application.service.ResolveSessionService;
import app.todo.adapter.out.http.betterauth.HttpBetterAuthSessionDirectory;
import app.todo.application.service.TaskUseCasesFactory;
import app.todo.application.service.SigningKeyRing;
import app.todo.application.service.SessionLiveness;
import app.todo.application.port.out.SessionRepository;
import app.todo.domain.user.Email;
import app.todo.domain.user.User;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The only place that knows every piece: it picks the adapters and hands each use case its ports.
 * Swapping an adapter (another database, another token source) is a change here and nowhere else.
 */
public final class Wiring implements AutoCloseable {

    /** Less than a container platform's usual 30 s between SIGTERM and SIGKILL. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    private static final Duration IDLE_CHECK_PERIOD = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(Wiring.class.getName());

    private final Metrics metrics;
    private final JooqDatabase database;
    private final WebServer server;
    private final AdminBootstrap adminBootstrap;
    private final String databaseDescription;
    private final ShutdownDrain drain;

    private Wiring(Metrics metrics, JooqDatabase database, WebServer server, AdminBootstrap adminBootstrap,
                   String databaseDescription, ShutdownDrain drain) {
        this.drain = drain;
        this.metrics = metrics;
        this.database = database;
        this.server = server;
        this.adminBootstrap = adminBootstrap;
        this.databaseDescription = databaseDescription;
    }

    /** The database in use, as its JDBC URL without secrets (host and database, or the embedded file). */
    public String database() {
        return databaseDescription;
    }

    /**
     * One-time tokens for the {@code ADMIN_EMAILS} addresses that are not an admin's yet, printed once
     * to the log: reading the log is the proof of owning a listed address (docs/rules.md §2).
     */
    private static AdminBootstrap adminBootstrap(Settings settings, JooqDatabase database) {
        Set<Email> pending = new LinkedHashSet<>();
        for (String address : settings.adminEmails()) {
            Email email = new Email(address);
            boolean alreadyAdmin = database.credentialRepository().findByEmail(email)
                    .flatMap(credential -> database.userRepository().find(credential.userId()))
                    .map(User::isAdmin).orElse(false);
            if (alreadyAdmin) {
                continue;
            }
            if (database.adminClaims().isClaimed(email)) {
                // A token for it would be refused (docs/authentication.md, "Admins"): print none.
                LOG.log(System.Logger.Level.INFO, "ADMIN_EMAILS: {0} has claimed admin once already; an admin "
                        + "promotes it again (PATCH /api/admin/users/'{'id'}' with role admin), no start-up token does", email.value());
                continue;
            }
            pending.add(email);
        }
        AdminBootstrap bootstrap = AdminBootstrap.forEmails(pending);
        bootstrap.tokensToAnnounce().forEach((email, token) -> LOG.log(System.Logger.Level.WARNING,
                "ADMIN_EMAILS: to make {0} an admin, sign in as {0}, then POST /api/auth/claim-admin with "
                        + "'{'\"token\": \"{1}\"'}' to this instance. The token works once, until this instance stops.",
                email.value(), token));
        return bootstrap;
    }

    /** The bootstrap token printed for {@code email}, for tests that read it as an operator reads the log. */
    Optional<String> adminBootstrapToken(String email) {
        return Optional.ofNullable(adminBootstrap.tokensToAnnounce().get(new Email(email)));
    }

    /** Connects the database (migrating it), then starts the HTTP server. */
    public static Wiring start(Settings settings, Clock clock) {
        // What needs no database is prepared on another core while the database connects and migrates
        // (time to ready). The server is built only after it has finished.
        Metrics metrics = new Metrics();
        CompletableFuture<Void> warmUp = CompletableFuture.runAsync(() -> warmUp(metrics),
                task -> Thread.ofPlatform().daemon().name("todo-warm-up").start(task));
        JooqDatabase database;
        DatabaseConfig databaseConfig;
        try {
            databaseConfig = DatabaseConfig.fromDatabaseUrl(settings.databaseUrl().orElse(null),
                    settings.dataDirectory(), settings.databasePoolSize());
            database = JooqDatabase.connect(databaseConfig, metrics.registry());
        } catch (RuntimeException e) {
            warmUp.join();
            metrics.close();
            throw e;
        }
        try {
            TaskRepository tasks = database.taskRepository();
            UserRepository users = database.userRepository();
            Transactions transactions = database.transactions();

            TaskUseCases taskUseCases = TaskUseCasesFactory.over(tasks, transactions, database.idempotencyKeyRepository(),
                    database.taskChangeSignals(), clock, FollowTaskChangesUseCase.streamsFor(Runtime.getRuntime().maxMemory()));
            // The service's own key pairs: made on the first start of the first instance, shared by all via the
            // database, rotated every AUTH_KEY_ROTATION by whichever instance finds the current one due.
            SigningKeyRepository keyStore = settings.atRestSecret()
                    .map(secret -> database.signingKeyRepository(secret, settings.previousAtRestSecrets()))
                    .orElseGet(database::signingKeyRepository);
            if (settings.atRestSecret().isEmpty()) {
                // On the embedded default the keys sit in an owner-only file beside the data: worth saying, not a warning.
                LOG.log(databaseConfig.isH2() ? System.Logger.Level.INFO : System.Logger.Level.WARNING, "AUTH_SECRET is not set: the private halves of the service's "
                        + "signing keys are stored in the database unencrypted; set AUTH_SECRET (32 bytes or more, "
                        + "e.g. openssl rand -base64 32) to encrypt them");
            }
            OwnSigningKeys ownKeys = OwnSigningKeys.rotating(new SigningKeyRing(keyStore, Ed25519KeyPairs.generator(clock),
                    clock, settings.keyRotation(), settings.keyGrace()));
            AccessTokenVerifier verifier = TokenVerifiers.builder(clock)
                    .ownKeys(ownKeys)
                    .sharedSecret(settings.sharedSecret().filter(secret -> settings.sharedSecretTokens()))
                    .jwksUrl(settings.jwksUrl())
                    .issuer(settings.issuer())
                    .audience(settings.audience())
                    .skew(settings.clockSkew())
                    .sharedSecretMaxLifetime(settings.sharedSecretMaxLifetime())
                    .listener(TokenVerificationMetrics.on(metrics.registry()))
                    .build();

            // The service's own tokens keep one issuer and audience: the first of each list.
            Ed25519TokenIssuer issuer = new Ed25519TokenIssuer(ownKeys, clock, settings.tokenTtl(),
                    ClaimsPolicy.listed(settings.issuer()).stream().findFirst(),
                    ClaimsPolicy.listed(settings.audience()).stream().findFirst());
            AccessTokenService tokens = new AccessTokenService(verifier, issuer);
            // Spares most requests a user lookup; other instances' admin changes show within its few seconds.
            RecentCallers recentCallers = new RecentCallers(clock, RecentCallers.DEFAULT_TTL,
                    RecentCallers.DEFAULT_MAX_ENTRIES);
            AdminBootstrap adminBootstrap = adminBootstrap(settings, database);
            SessionRepository sessions = database.sessionRepository();
            // Spares most own-token requests a session lookup; a sign-out elsewhere shows within its 5 s.
            SessionLiveness liveness = new SessionLiveness(sessions, clock, SessionLiveness.DEFAULT_TTL,
                    SessionLiveness.DEFAULT_MAX_ENTRIES);
            PasswordHasher hasher = Argon2PasswordHasher.owasp();
            RequestBodies bodies = new RequestBodies(HttpConfig.DEFAULT_MAX_BODY_BYTES);
            AttemptLimits attemptLimits = new AttemptLimits(database.rateLimiter(clock));
            ClientAddress clientAddress = settings.trustProxy() ? ClientAddress.LAST_FORWARDED_FOR : ClientAddress.SOCKET;
            AccountUseCases accountUseCases = AccountUseCasesFactory.over(new AccountUseCasesFactory.Stores(users,
                            database.credentialRepository(), sessions, database.userDirectory(), transactions,
                            database.adminClaims()),
                    hasher, adminBootstrap, recentCallers, liveness, clock, settings.sessionTtl());
            AccountRoutes accounts = new AccountRoutes(accountUseCases, tokens, tokens,
                    // Counted in the database: a client gets the contract's limits once, however many instances it tries.
                    new AccountRateLimits(attemptLimits, clientAddress),
                    bodies);
            AdminRoutes admin = new AdminRoutes(accountUseCases.listUsers(), accountUseCases.changeUser(), bodies);

            ShutdownDrain drain = new ShutdownDrain();
            TodoHttpServer.Builder http = TodoHttpServer.builder(new HttpConfig(settings.host(), settings.port(),
                            HttpConfig.DEFAULT_MAX_BODY_BYTES, HttpConfig.DEFAULT_MAX_HEADER_BYTES,
                            HttpConfig.DEFAULT_IDLE_TIMEOUT))
                    .addFilter(new CorsFilter(settings.corsOrigins()))
                    .tasks(taskUseCases)
                    .authentication(tokens, new IdentifyCallerService(users, clock, recentCallers,
                            settings.claimSources()).checkingSessions(liveness))
                    .readiness(database::isReachable)
                    .behindProxy(settings.trustProxy())
                    .metrics(metrics.registry())
                    .drain(drain)
                    .customizeServer(Wiring::shutdownAndIdleLimits)
                    .admission(settings.maxConcurrentRequests(), ADMISSION_QUEUE_LENGTH, ADMISSION_QUEUE_TIMEOUT);
            settings.betterAuthUrl().ifPresent(url -> {
                var directory = new HttpBetterAuthSessionDirectory(url, settings.betterAuthBasePath(), metrics.registry());
                http.betterAuthSessions(new ResolveSessionService(directory, settings.sessionSigningSecret(), clock,
                        settings.sessionCache(), ResolveSessionService.DEFAULT_MAX_ENTRIES, attemptLimits),
                        settings.corsOrigins(), clientAddress::of);
            });
            http.accounts(accounts, admin);
            // AI assistants: the MCP server on the same tokens (docs/assistants.md).
            http.assistants(settings.corsOrigins(),
                    settings.betterAuthUrl().or(settings::jwksUrl).map(Wiring::origin).stream().toList());
            warmUp.join();
            WebServer server = http.start();
            if (server.port() < 0) {
                server.stop();
                throw new IllegalStateException("port " + settings.port() + " is already in use; set PORT to a free port");
            }
            return new Wiring(metrics, database, server, adminBootstrap, databaseConfig.safeJdbcUrl(), drain);
        } catch (RuntimeException e) {
            warmUp.join();
            database.close();
            metrics.close();
            throw e;
        }
    }

    /**
     * The JVM's meters, then Helidon's service registry and jOOQ's rendering (each made once per JVM). A failure of the latter is only logged: the start does the same work again and reports it.
     */
    private static void warmUp(Metrics metrics) {
        try {
            metrics.bindJvmMeters();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the JVM's meters (memory, GC, threads) are not exported", e);
        }
        try {
            TodoHttpServer.warmUp();
            JooqDatabase.warmUp();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "warm-up failed; the start will do this work itself", e);
        }
    }

    /**
     * {@link #close} alone stops the server (Helidon's own shutdown hook would race it and the pool's
     * close), lets running requests finish for up to {@link #SHUTDOWN_GRACE} (Helidon's default, 0.5 s,
     * would cut off a request waiting on a row lock), and idle keep-alive connections are looked for
     * often enough that the idle timeout holds within seconds, not minutes.
     */
    static void shutdownAndIdleLimits(WebServerConfig.Builder server) {
        server.shutdownHook(false)
                .shutdownGracePeriod(SHUTDOWN_GRACE)
                .idleConnectionPeriod(IDLE_CHECK_PERIOD);
    }

    /** {@code scheme://host[:port]} of a URL: Better Auth's base, whichever of its URLs is configured. */
    private static java.net.URI origin(java.net.URI url) {
        return java.net.URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()));
    }

    /** How long a request waits in line for one of the {@code MAX_CONCURRENT_REQUESTS} before it is a 503. */
    static final Duration ADMISSION_QUEUE_TIMEOUT = Duration.ofSeconds(10);
    static final int ADMISSION_QUEUE_LENGTH = 10_000;

    public int port() {
        return server.port();
    }

    /**
     * A graceful stop behind a load balancer: first {@code drain} long not ready while still serving, every
     * answer closing its connection ({@link ShutdownDrain}), then {@link #close()}.
     */
    public void drainAndClose(Duration drainTime) {
        if (!drainTime.isZero()) {
            drain.begin();
            try {
                Thread.sleep(drainTime.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /** Stops taking requests, lets in-flight ones finish, then closes the pool and the metrics. */
    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            try {
                database.close();
            } finally {
                metrics.close();
            }
        }
    }
}
