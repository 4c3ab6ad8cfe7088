package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.OpenApiContract;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.adapter.out.persistence.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service, wired by {@link Wiring} exactly as {@code Main} wires it, on a real socket.
 * Every response is checked against the OpenAPI document before a test sees it.
 */
final class RunningService implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Wiring wiring;

    private RunningService(Wiring wiring) {
        this.wiring = wiring;
    }

    static RunningService start(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("PORT", "0");
        return new RunningService(Wiring.start(Settings.from(env::get), Clock.systemUTC()));
    }

    /** On a fresh PostgreSQL database, accepting {@link TestTokens} as a frontend's shared-secret tokens. */
    static RunningService onFreshPostgres() {
        return start(Map.of("DATABASE_URL", databaseUrl(TestPostgres.newDatabase()), "BETTER_AUTH_SECRET", TestTokens.SECRET));
    }

    /** A JDBC URL carrying the credentials, as a user would put it in DATABASE_URL. */
    static String databaseUrl(DatabaseConfig config) {
        String url = config.jdbcUrl();
        if (config.username() != null) {
            url += (url.contains("?") ? "&" : "?") + "user=" + URLEncoder.encode(config.username(), StandardCharsets.UTF_8);
        }
        if (config.password() != null && !config.password().isEmpty()) {
            url += "&password=" + URLEncoder.encode(config.password(), StandardCharsets.UTF_8);
        }
        return url;
    }

    int port() {
        return wiring.port();
    }

    /** The one-time admin token this instance printed to its log for {@code email} ({@code ADMIN_EMAILS}). */
    java.util.Optional<String> adminBootstrapToken(String email) {
        return wiring.adminBootstrapToken(email);
    }

    /** CORS preflights are browser plumbing, not API operations, so the OpenAPI document does not list them. */
    HttpResponse<String> sendOutsideTheContract(String method, String path, String... headers) {
        return exchange(method, path, null, null, headers);
    }

    HttpResponse<String> send(String method, String path, String token, String jsonBody, String... headers) {
        HttpResponse<String> response = exchange(method, path, token, jsonBody, headers);
        OpenApiContract.check(method, path, response);
        return response;
    }

    /**
     * Like {@link #send}, but the whole exchange must finish within {@code timeout}, else an
     * {@link UncheckedIOException} (caused by an {@link java.net.http.HttpTimeoutException}): for promises of time.
     */
    HttpResponse<String> sendWithin(Duration timeout, String method, String path, String token, String jsonBody) {
        HttpResponse<String> response = exchange(timeout, method, path, token, jsonBody);
        OpenApiContract.check(method, path, response);
        return response;
    }

    private HttpResponse<String> exchange(String method, String path, String token, String jsonBody, String... headers) {
        return exchange(Duration.ofSeconds(30), method, path, token, jsonBody, headers);
    }

    private HttpResponse<String> exchange(Duration timeout, String method, String path, String token, String jsonBody,
                                          String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wiring.port() + path))
                .timeout(timeout)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What Main's SIGTERM hook does: {@code drain} not ready but serving, then {@link #close()}. */
    void drainAndClose(Duration drain) {
        wiring.drainAndClose(drain);
    }

    @Override
    public void close() {
        wiring.close();
    }
}
