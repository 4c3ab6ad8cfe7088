package app.todo.adapter.in.http;

import app.todo.adapter.in.http.account.AccountRoutes;
import app.todo.adapter.in.http.account.AdminRoutes;
import app.todo.adapter.in.http.mcp.McpRoutes;
import app.todo.adapter.in.http.mcp.ProtectedResourceMetadataRoutes;
import app.todo.adapter.in.http.metrics.HttpRequestMetrics;
import app.todo.adapter.in.http.metrics.MetricsRoutes;
import app.todo.adapter.in.http.metrics.SessionVerificationMetrics;
import app.todo.adapter.in.http.problem.ProblemMapper;
import app.todo.application.port.in.IdentifyCallerUseCase;
import app.todo.application.port.in.VerifyAccessTokenUseCase;
import app.todo.application.port.in.ResolveSessionUseCase;
import app.todo.application.port.in.TaskUseCases;
import io.helidon.common.configurable.AllowList;
import io.helidon.http.RequestedUriDiscoveryContext.RequestedUriDiscoveryType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionProvider;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The HTTP side of the service, assembled in one place: limits, filters in their order (request id
 * and access log, then added filters such as CORS, then authentication), route groups (health, the
 * public OpenAPI document at {@code /openapi}, added groups, tasks, then the browser pages of {@link WebPageRoutes}
 * at {@code /} and {@code /docs}), and the error handlers. Bootstrap calls {@link #start}, or {@link #builder} to add route groups, public paths,
 * filters or server features later without touching what is here.
 */
public final class TodoHttpServer {

    private TodoHttpServer() {
    }

    /** Starts the task API with health routes; returns the running server (its port when 0 was asked). */
    public static WebServer start(HttpConfig config, TaskUseCases tasks, IdentifyCallerUseCase identify,
                                  VerifyAccessTokenUseCase verifier, ReadinessCheck readiness) {
        return builder(config).tasks(tasks).authentication(verifier, identify).readiness(readiness).start();
    }

    /**
     * Makes Helidon's service registry, which every server of this JVM shares and {@link Builder#build()} would
     * otherwise make, e.g. on another thread while the database connects (a quarter of a start).
     */
    public static void warmUp() {
        io.helidon.service.registry.GlobalServiceRegistry.registry();
    }

    public static Builder builder(HttpConfig config) {
        return new Builder(config);
    }

    public static final class Builder {

        private final HttpConfig config;
        private TaskUseCases tasks;
        private VerifyAccessTokenUseCase verifier;
        private IdentifyCallerUseCase identify;
        private ReadinessCheck readiness = () -> true;
        private Optional<ResolveSessionUseCase> sessions = Optional.empty();
        private Function<? super ServerRequest, String> clientAddress = req -> req.remotePeer().host();
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private final List<Filter> filters = new ArrayList<>();
        private AccountRoutes accounts;
        private AdminRoutes admin;
        private final List<Consumer<WebServerConfig.Builder>> serverCustomizers = new ArrayList<>();
        private final RouteCatalog catalog = new RouteCatalog();
        private PrometheusMeterRegistry metrics;
        private ShutdownDrain drain = new ShutdownDrain();
        private AdmissionFilter admission;
        private java.time.Duration admissionWait = DEFAULT_ADMISSION_WAIT;
        private java.time.Duration bodyDeadline = BODY_DEADLINE;
        private java.time.Duration headDeadline = HEAD_DEADLINE;
        private int maxConnections = connectionsFor(Runtime.getRuntime().maxMemory());
        private final Set<String> mcpOrigins = new LinkedHashSet<>();
        private List<java.net.URI> authorizationServers = List.of();
        private boolean behindProxy;

        private Builder(HttpConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder tasks(TaskUseCases tasks) {
            this.tasks = Objects.requireNonNull(tasks, "tasks");
            return this;
        }

        public Builder authentication(VerifyAccessTokenUseCase verifier, IdentifyCallerUseCase identify) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            this.identify = Objects.requireNonNull(identify, "identify");
            return this;
        }

        /**
         * Better Auth session tokens (bearer or cookie) accepted beside JWTs, resolved by {@code sessions};
         * cookie-authenticated changes must come from one of {@code allowedOrigins} ({@code CORS_ORIGINS}).
         */
        public Builder betterAuthSessions(ResolveSessionUseCase sessions, Collection<String> allowedOrigins) {
            return betterAuthSessions(sessions, allowedOrigins, req -> req.remotePeer().host());
        }

        /**
         * @param clientAddress the client's address as rate limits key it: session lookups past the cache are
         *                      limited per client, and Better Auth is told the client's address
         */
        public Builder betterAuthSessions(ResolveSessionUseCase sessions, Collection<String> allowedOrigins,
                                          Function<? super ServerRequest, String> clientAddress) {
            this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
            this.sessions = Optional.of(Objects.requireNonNull(sessions, "sessions"));
            allowedOrigins.forEach(origin -> this.allowedOrigins.add(CorsFilter.normalized(origin)));
            return this;
        }

        /**
         * The MCP server at {@code /mcp} for AI assistants, and its protected-resource metadata: browser pages of
         * {@code origins} may call it (none otherwise), and tokens of {@code authorizationServers} (and of this
         * service) are what it asks for.
         */
        public Builder assistants(Collection<String> origins, List<java.net.URI> authorizationServers) {
            mcpOrigins.clear();
            origins.forEach(origin -> mcpOrigins.add(CorsFilter.normalized(origin)));
            this.authorizationServers = List.copyOf(authorizationServers);
            return this;
        }

        /**
         * At most {@code permits} requests at once; up to {@code maxWaiting} others wait in line for up to
         * {@code wait}, then {@code 503} ({@link AdmissionFilter}). Health and metrics routes never wait.
         */
        /**
         * Behind a reverse proxy ({@code TRUST_PROXY}): the URL a client asked for is taken from the proxy's
         * {@code Forwarded} or {@code X-Forwarded-Proto}/{@code -Host}/{@code -Port} headers, so the URLs this
         * service hands out (the MCP resource metadata) carry the scheme and host the client used, {@code https}
         * behind a proxy that ends TLS. Off, those headers are ignored: a client could name any host.
         */
        public Builder behindProxy(boolean behindProxy) {
            this.behindProxy = behindProxy;
            return this;
        }

        public Builder admission(int permits, int maxWaiting, java.time.Duration wait) {
            this.admission = new AdmissionFilter(permits, maxWaiting, wait);
            this.admissionWait = wait;
            return this;
        }

        /** How long a request's body may take to arrive, once its read begins, before the connection is closed (20 s). */
        public Builder bodyDeadline(java.time.Duration deadline) {
            this.bodyDeadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /** How long a request's head may take to arrive, from its first byte, before the connection is closed (20 s). */
        public Builder headDeadline(java.time.Duration deadline) {
            this.headDeadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /**
         * The most connections open at once; past it the listener accepts no more until one closes (they wait in
         * the system's accept queue). By default as many as the heap holds ({@link #connectionsFor(long)}).
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * How many connections a heap of {@code maxHeapBytes} holds with half of it to spare: a connection costs up
         * to 24 KiB of heap while it waits (its virtual thread's stack, its buffers), so bin/run's 96 MiB hold 2,048;
         * at least 256, at most 10,000 (docs/operations.md, "Many connections"). Without a cap, 5,000 idle
         * connections filled the 96 MiB and the server died.
         */
        public static int connectionsFor(long maxHeapBytes) {
            return (int) Math.max(256, Math.min(10_000, maxHeapBytes / 2 / (24 * 1024)));
        }

        /** The drain a graceful stop begins with ({@link ShutdownDrain}); one of its own otherwise. */
        public Builder drain(ShutdownDrain drain) {
            this.drain = Objects.requireNonNull(drain, "drain");
            return this;
        }

        public Builder readiness(ReadinessCheck readiness) {
            this.readiness = Objects.requireNonNull(readiness, "readiness");
            return this;
        }

        /**
         * The account routes under {@value AccountRoutes#PREFIX} (sign-up, sign-in, sessions, the JWK set) and the
         * admin routes under {@value AdminRoutes#PREFIX}. Without them the server has no account or admin routes.
         */
        public Builder accounts(AccountRoutes accounts, AdminRoutes admin) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
            this.admin = Objects.requireNonNull(admin, "admin");
            return this;
        }

        /**
         * Times every request into {@code registry} ({@code http_server_requests_seconds} by method, route
         * template and status) and serves the registry at {@code GET /metrics}, public like the health routes.
         */
        public Builder metrics(PrometheusMeterRegistry registry) {
            this.metrics = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** A filter that runs after the request id is set and before authentication (CORS, metrics). */
        public Builder addFilter(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** Server-level additions such as Helidon's observe or OpenAPI features. */
        public Builder customizeServer(Consumer<WebServerConfig.Builder> customizer) {
            serverCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        public WebServer build() {
            Objects.requireNonNull(tasks, "tasks are not set");
            Objects.requireNonNull(verifier, "authentication is not set");
            RequestBodies bodies = new RequestBodies(config.maxBodyBytes());
            WebPageRoutes pages = new WebPageRoutes();
            Http1Config http1 = Http1Config.builder()
                    .maxHeadersSize(config.maxHeaderBytes())
                    .maxPrologueLength(MAX_REQUEST_LINE_BYTES)
                    // "100 Continue" at once: a client then always sends its body, which is read away after an
                    // early answer (401, 413), so the connection stays in step. Without it, a body sent anyway
                    // after an early answer was parsed as the next request.
                    .continueImmediately(true)
                    .build();
            WebServerConfig.Builder server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    // The transport's hard cap; bodies between the two limits are read away and answered 413.
                    .maxPayloadSize(Math.max(config.maxBodyBytes(), RequestBodies.MAX_DRAINED_BYTES))
                    .idleConnectionTimeout(config.idleTimeout())
                    .maxTcpConnections(maxConnections)
                    // No feature found on the classpath joins unasked: the security feature that webserver-security
                    // would add runs a filter before ours that fails (500) on the asterisk-form of OPTIONS *,
                    // and warns on every start that it has no providers. Authentication is AuthenticationFilter's.
                    .featuresDiscoverServices(false)
                    // One connection selector, HTTP/1.1 read through Http1FramingGuard: with a second one beside it
                    // Helidon closes an HTTP/1.0 request without a byte instead of a 505.
                    .protocolsDiscoverServices(false)
                    .addConnectionSelector(new Http1FramingGuard(
                            new Http1ConnectionProvider().create(WebServer.DEFAULT_SOCKET_NAME, http1,
                                    ProtocolConfigs.create(List.of(http1))),
                            MAX_REQUEST_LINE_BYTES, config.maxHeaderBytes(), headDeadline))
                    .directHandlers(ProblemMapper.directHandlers())
                    .routing(routing -> {
                        routing.addFilter(new RequestLogFilter(metrics == null ? null : HttpRequestMetrics.on(metrics),
                                catalog::templateOf));
                        routing.addFilter(new RequestTargetFilter());
                        routing.addFilter(drain);
                        // Before admission: a body still on its way must not hold a permit (BodyFirstFilter).
                        routing.addFilter(new BodyFirstFilter(bodies,
                                Math.max(BODY_BUDGET_BYTES, 16L * config.maxBodyBytes()), admissionWait, bodyDeadline));
                        if (admission != null) {
                            routing.addFilter(admission);
                        }
                        filters.forEach(routing::addFilter);
                        // Every /api path needs a credential but those that hand one out (and the keys that check one).
                        Set<String> publicPaths = accounts == null ? Set.of() : AccountRoutes.PUBLIC_PATHS;
                        routing.addFilter(new AuthenticationFilter(verifier, identify, publicPaths, sessions,
                                origin -> allowedOrigins.contains(CorsFilter.normalized(origin)),
                                metrics == null ? SessionVerificationMetrics.NONE : SessionVerificationMetrics.on(metrics),
                                catalog::matches, clientAddress::apply));
                        routing.register("/health", catalog.recording("/health", new HealthRoutes(readiness)));
                        routing.register(catalog.recording("", new OpenApiRoutes()));
                        if (metrics != null) {
                            routing.register(catalog.recording("", new MetricsRoutes(metrics)));
                        }
                        // Before the task routes, so a fixed path such as /api/auth/me wins over /api/{user_id}/….
                        if (accounts != null) {
                            routing.register(AccountRoutes.PREFIX, catalog.recording(AccountRoutes.PREFIX, accounts));
                            routing.register(AdminRoutes.PREFIX, catalog.recording(AdminRoutes.PREFIX, admin));
                        }
                        routing.register(McpRoutes.PATH, catalog.recording(McpRoutes.PATH, new McpRoutes(tasks, bodies,
                                origin -> mcpOrigins.contains(CorsFilter.normalized(origin)))));
                        routing.register(ProtectedResourceMetadataRoutes.PATH, catalog.recording(ProtectedResourceMetadataRoutes.PATH,
                                new ProtectedResourceMetadataRoutes(authorizationServers)));
                        routing.register("/api", catalog.recording("/api", new TaskRoutes(tasks, bodies)));
                        routing.register("/api", catalog.recording("/api", new TaskEventRoutes(tasks.follow(), drain)));
                        // Pages for browsers, not API operations: kept out of the catalog, so out of the
                        // comparison with the document's operations (its description mentions them).
                        routing.register(pages);
                        ProblemMapper.registerOn(routing);
                    });
            if (behindProxy) {
                // Every peer is trusted: with TRUST_PROXY only the proxy reaches this port (docs/operations.md).
                // Helidon reads X-Forwarded-Proto/-Host/-Port only beside an X-Forwarded-For, which proxies send.
                server.requestedUriDiscoveryContext(discovery -> discovery
                        .types(List.of(RequestedUriDiscoveryType.FORWARDED, RequestedUriDiscoveryType.X_FORWARDED,
                                RequestedUriDiscoveryType.HOST))
                        .trustedProxies(AllowList.builder().allowAll(true).build()));
            }
            serverCustomizers.forEach(customizer -> customizer.accept(server));
            return server.build();
        }

        /**
         * Every route registered, as {@code "METHOD /template"} (e.g. {@code "GET /api/{user_id}/tasks"}),
         * {@code "ANY /template"} for a path's catch-all (the 405 of {@link Endpoint}); complete once
         * {@link #build} or {@link #start} has returned. The contract tests compare it with the OpenAPI
         * document, so a route cannot be added without documenting it.
         */
        public Set<String> routes() {
            return catalog.routes();
        }

        public WebServer start() {
            return build().start();
        }

        /** Long enough for a path with a 255-character user id and every list parameter, and no longer. */
        private static final int MAX_REQUEST_LINE_BYTES = 4096;
        /** How long a request waits for a permit, or for room to read its body, when no admission is configured. */
        private static final java.time.Duration DEFAULT_ADMISSION_WAIT = java.time.Duration.ofSeconds(10);
        /** Memory for bodies read ahead of admission: 256 bodies at the default 64 KiB limit, thousands of usual ones. */
        private static final long BODY_BUDGET_BYTES = 16L * 1024 * 1024;
        /** A body arrives within this once its read begins: a slow phone sends 64 KiB in a few seconds. */
        private static final java.time.Duration BODY_DEADLINE = java.time.Duration.ofSeconds(20);
        /** How long a request's head may take to arrive from its first byte (Http1FramingGuard). */
        private static final java.time.Duration HEAD_DEADLINE = java.time.Duration.ofSeconds(20);
    }
}
