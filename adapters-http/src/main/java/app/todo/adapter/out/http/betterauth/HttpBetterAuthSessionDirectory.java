package app.todo.adapter.out.http.betterauth;

import app.todo.domain.account.SessionCredential;
import app.todo.application.port.out.ExternalSessionDirectory;
import app.todo.application.port.out.IdentityProviderUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Better Auth's documented {@code GET {BETTER_AUTH_URL}{base path}/get-session}, asked with the token as
 * the client presented it: a bearer token as {@code Authorization: Bearer} (Better Auth's bearer plugin
 * takes it raw or signed), a cookie as that cookie. Better Auth answers {@code {session, user}} for a
 * live session and {@code null} for anything else; {@code user.role} and {@code user.banned} come from
 * its admin plugin when installed. Better Auth's own adapter reads its tables, so no column naming or
 * cookie signing of Better Auth is re-implemented here.
 *
 * <p>One call gets {@link #TIMEOUT} in all, body included; no answer in time, a refused connection or a
 * 5xx is {@link IdentityProviderUnavailableException}. Calls are timed into
 * {@code auth_better_auth_requests_seconds}.
 */
public final class HttpBetterAuthSessionDirectory implements ExternalSessionDirectory {

    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    public static final String DEFAULT_BASE_PATH = "/api/auth";
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final URI getSession;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Timer calls;

    /**
     * @param baseUrl  {@code BETTER_AUTH_URL}, e.g. {@code http://localhost:3000}
     * @param basePath {@code BETTER_AUTH_BASE_PATH}, Better Auth's {@code /api/auth} by default
     * @param metrics  where the calls are timed; {@code null} for nowhere
     */
    public HttpBetterAuthSessionDirectory(URI baseUrl, String basePath, MeterRegistry metrics) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String base = baseUrl.toString().replaceAll("/+$", "");
        String path = basePath == null || basePath.isBlank() ? DEFAULT_BASE_PATH
                : "/" + basePath.strip().replaceAll("^/+|/+$", "");
        this.getSession = URI.create(base + path + "/get-session");
        // HTTP/1.1 always: on http:// the JDK's default (HTTP/2) sends "Upgrade: h2c", and Next.js, where
        // Better Auth usually runs, closes the socket on it (docs/authentication.md, "Better Auth in Next.js").
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.calls = metrics == null ? null : Timer.builder("auth_better_auth_requests")
                .description("Calls to Better Auth's get-session, successful or not")
                .register(metrics);
    }

    /** A client address key ({@code 203.0.113.7}, {@code 2001:db8:1:2:0:0:0:0/64}) as an IP literal, or null. */
    static String forwardable(String key) {
        String address = key.endsWith("/64") ? key.substring(0, key.length() - 3) : key;
        return address.matches("[0-9A-Fa-f:.]{2,45}") && (address.contains(":") || address.contains(".")) ? address : null;
    }

    /** {@link #getSession} without userinfo or query, as logs may show it. */
    private String loggableUrl() {
        String port = getSession.getPort() < 0 ? "" : ":" + getSession.getPort();
        return getSession.getScheme() + "://" + getSession.getHost() + port + getSession.getRawPath();
    }

    /** The URL asked, for the start-up log (no credentials ever live in it). */
    public URI getSessionUrl() {
        return getSession;
    }

    @Override
    public Optional<ExternalSession> find(SessionCredential credential) {
        long started = System.nanoTime();
        try {
            return ask(credential);
        } finally {
            if (calls != null) {
                calls.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    private Optional<ExternalSession> ask(SessionCredential credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(getSession).timeout(TIMEOUT)
                .header("Accept", "application/json").GET();
        // Better Auth's rate limiter keys on X-Forwarded-For: without it, every client would count as this service.
        credential.clientAddress().map(HttpBetterAuthSessionDirectory::forwardable)
                .ifPresent(address -> request.header("X-Forwarded-For", address));
        credential.cookieName().ifPresentOrElse(
                name -> request.header("Cookie", name + "=" + credential.token()),
                () -> request.header("Authorization", "Bearer " + credential.token()));
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IdentityProviderUnavailableException("Better Auth at " + loggableUrl()
                    + " did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IdentityProviderUnavailableException("Better Auth at " + loggableUrl() + " cannot be reached: "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage()
                    .replace(getSession.toString(), loggableUrl()) + ")"), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnavailableException("interrupted while asking Better Auth", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return Optional.empty();
        }
        if (status != 200 || response.body().length > MAX_ANSWER_BYTES) {
            throw new IdentityProviderUnavailableException("Better Auth at " + loggableUrl()
                    + " answered get-session with HTTP " + status, null);
        }
        return parse(response.body());
    }

    private Optional<ExternalSession> parse(byte[] body) {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (IOException e) {
            throw new IdentityProviderUnavailableException("Better Auth's get-session answer is not JSON", e);
        }
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode user = answer.path("user");
        JsonNode session = answer.path("session");
        if (!user.isObject() || !session.isObject() || !user.path("id").isTextual() || user.path("id").asText().isBlank()) {
            throw new IdentityProviderUnavailableException("Better Auth's get-session answer has no session and user", null);
        }
        // Answers are cached per session: what Better Auth's user record may make this service keep is bounded.
        String email = text(user, "email");
        String name = text(user, "name");
        return Optional.of(new ExternalSession(user.path("id").asText(), email != null && email.length() > 320 ? null : email,
                name != null && name.length() > 255 ? name.substring(0, 255) : name,
                text(user, "role"), user.path("banned").asBoolean(false), instant(session.path("expiresAt"))));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
