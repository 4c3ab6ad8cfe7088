package app.todo.adapter.in.http.testing;

import app.todo.adapter.in.http.HttpConfig;
import app.todo.adapter.in.http.ReadinessCheck;
import app.todo.adapter.in.http.TodoHttpServer;
import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.FollowTaskChangesUseCase;
import app.todo.application.port.in.TaskUseCases;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.service.AccessTokenService;
import app.todo.application.service.IdentifyCallerService;
import app.todo.application.service.RecentCallers;
import app.todo.application.service.TaskUseCasesFactory;
import app.todo.domain.user.IdentitySource;
import io.helidon.webserver.WebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The real HTTP server on a free port, wired to the in-memory store and the real token verifier
 * ({@link TestTokens#verifier()}), with a client that speaks HTTP/1.1 to it. It runs as a deployment
 * with {@code AUTH_TRUST_ROLE_CLAIMS=jwks,shared-secret} ({@link #CLAIM_SOURCES}), so tests can make
 * an admin or a banned user with a shared-secret token's claims.
 *
 * <p>Every response this class hands out has passed {@link OpenApiContract#check}: a status, header or
 * field the OpenAPI document does not describe fails the test that provoked it, whatever that test
 * asserts itself. The one way around it, {@link #sendOutsideTheContract}, is for exchanges the
 * document deliberately does not describe, and each use says why.
 */
public final class TestServer implements AutoCloseable {

    /** Whose {@code role}/{@code banned} claims count here: both external token sources. */
    public static final Set<IdentitySource> CLAIM_SOURCES = Set.of(IdentitySource.JWKS, IdentitySource.SHARED_SECRET);

    private final WebServer server;
    private final InMemoryStore store;
    private final Set<String> routes;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestServer(WebServer server, InMemoryStore store, Set<String> routes) {
        this.server = server;
        this.store = store;
        this.routes = routes;
    }

    public static TestServer start() {
        return start(UnaryOperator.identity(), () -> true);
    }

    /**
     * @param decorateTasks wraps the in-memory task repository, e.g. to make it fail
     * @param readiness     what {@code /health/ready} reports
     */
    public static TestServer start(UnaryOperator<TaskRepository> decorateTasks, ReadinessCheck readiness) {
        return start(new InMemoryStore(), decorateTasks, readiness, TestTokens.verifier(), UnaryOperator.identity());
    }

    /**
     * @param verifier  checks the bearer tokens, e.g. one built by {@code TokenVerifiers} as bootstrap builds it
     * @param customize adds to the server as bootstrap would, e.g. {@code b -> b.metrics(registry)}
     */
    public static TestServer start(UnaryOperator<TaskRepository> decorateTasks, ReadinessCheck readiness,
                                   AccessTokenVerifier verifier, UnaryOperator<TodoHttpServer.Builder> customize) {
        return start(new InMemoryStore(), decorateTasks, readiness, verifier, customize);
    }

    /**
     * The server over a given store, with additions such as account routes or filters that work on it.
     *
     * @param verifier  checks the bearer tokens
     * @param customize adds to the server before it starts
     */
    public static TestServer start(InMemoryStore store, AccessTokenVerifier verifier, Consumer<TodoHttpServer.Builder> customize) {
        return start(store, UnaryOperator.identity(), () -> true, verifier, builder -> {
            customize.accept(builder);
            return builder;
        });
    }

    /** Like {@link #start(InMemoryStore, Consumer)}, with the store's task repository wrapped, e.g. to make it fail. */
    public static TestServer start(InMemoryStore store, UnaryOperator<TaskRepository> decorateTasks,
                                   Consumer<TodoHttpServer.Builder> customize) {
        return start(store, decorateTasks, () -> true, TestTokens.verifier(), builder -> {
            customize.accept(builder);
            return builder;
        });
    }

    /** Like {@link #start(InMemoryStore, AccessTokenVerifier, Consumer)}, with the shared-secret test verifier. */
    public static TestServer start(InMemoryStore store, Consumer<TodoHttpServer.Builder> customize) {
        return start(store, TestTokens.verifier(), customize);
    }

    /**
     * The server with its own connection settings (e.g. a short idle timeout), over an empty store.
     *
     * @param customize adds to the server before it starts, e.g. {@code b -> b.customizeServer(...)}
     */
    public static TestServer start(HttpConfig config, Consumer<TodoHttpServer.Builder> customize) {
        return start(config, new InMemoryStore(), UnaryOperator.identity(), () -> true, TestTokens.verifier(), builder -> {
            customize.accept(builder);
            return builder;
        });
    }

    private static TestServer start(InMemoryStore store, UnaryOperator<TaskRepository> decorateTasks,
                                    ReadinessCheck readiness, AccessTokenVerifier verifier,
                                    UnaryOperator<TodoHttpServer.Builder> customize) {
        return start(new HttpConfig("127.0.0.1", 0, HttpConfig.DEFAULT_MAX_BODY_BYTES, HttpConfig.DEFAULT_MAX_HEADER_BYTES,
                HttpConfig.DEFAULT_IDLE_TIMEOUT), store, decorateTasks, readiness, verifier, customize);
    }

    private static TestServer start(HttpConfig config, InMemoryStore store, UnaryOperator<TaskRepository> decorateTasks,
                                    ReadinessCheck readiness, AccessTokenVerifier verifier,
                                    UnaryOperator<TodoHttpServer.Builder> customize) {
        TaskRepository tasks = decorateTasks.apply(store.tasks());
        Clock clock = Clock.systemUTC();
        TaskUseCases useCases = TaskUseCasesFactory.over(tasks, store.transactions(), store.idempotencyKeys(),
                store.tasks().signals(), clock, FollowTaskChangesUseCase.STREAMS_PER_INSTANCE);
        TodoHttpServer.Builder builder = customize.apply(TodoHttpServer.builder(config)
                .tasks(useCases)
                .authentication(new AccessTokenService(verifier, TestTokens.issuer()), new IdentifyCallerService(store.users(), clock, RecentCallers.none(),
                        CLAIM_SOURCES).checkingSessions(TestAccounts.liveness(store)))
                .readiness(readiness));
        WebServer server = builder.start();
        return new TestServer(server, store, builder.routes());
    }

    public InMemoryStore store() {
        return store;
    }

    /** The routes the running server registered, as {@link TodoHttpServer.Builder#routes()} lists them. */
    public Set<String> routes() {
        return routes;
    }

    public int port() {
        return server.port();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    /** A request to this server, with a bearer token when {@code token} is not null. */
    public HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** Sends the request and checks the exchange against the OpenAPI document before returning it. */
    public HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = sendOutsideTheContract(request);
        OpenApiContract.check(response);
        return response;
    }

    /**
     * Sends the request without checking the answer against the OpenAPI document. Only for exchanges
     * the document deliberately leaves out (a CORS preflight, say); every caller must say why.
     */
    public HttpResponse<String> sendOutsideTheContract(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).GET().build());
    }

    /** Sends a JSON body ({@code null} for none) with the given method. */
    public HttpResponse<String> json(String method, String pathAndQuery, String token, String body) {
        HttpRequest.Builder builder = request(pathAndQuery, token);
        if (body == null) {
            return send(builder.method(method, HttpRequest.BodyPublishers.noBody()).build());
        }
        return send(builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Override
    public void close() {
        server.stop();
    }
}
