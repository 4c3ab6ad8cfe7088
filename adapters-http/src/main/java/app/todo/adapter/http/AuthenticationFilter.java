package app.todo.adapter.http;

import app.todo.adapter.http.auth.BearerAuthenticationProvider;
import app.todo.adapter.http.auth.TokenVerifier;
import app.todo.adapter.http.auth.VerifiedToken;
import app.todo.adapter.http.problem.Problem;
import app.todo.adapter.http.problem.ProblemMapper;
import app.todo.adapter.http.problem.RequestId;
import app.todo.application.port.in.CallerError;
import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.application.port.in.IdentifyCallerUseCase;
import app.todo.domain.shared.Result;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityEnvironment;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Every {@code /api/**} request but the public ones needs a bearer token (RFC 6750). Authentication runs
 * through Helidon Security, with the token verifier as its provider ({@link BearerAuthenticationProvider});
 * this filter only turns Helidon's verdict into the contract's problem responses, which Helidon's own
 * security handler cannot write. A valid token's user is identified (and provisioned on first sight) and
 * put in the request context for the routes. The token itself is never logged nor echoed.
 */
public final class AuthenticationFilter implements Filter {

    private static final String REALM = "Bearer realm=\"todo\"";
    private static final String SCHEME = "bearer";
    private static final String PROVIDER = "todo-bearer";

    private final Security security;
    private final IdentifyCallerUseCase identify;
    private final Set<String> publicPaths;

    AuthenticationFilter(TokenVerifier verifier, IdentifyCallerUseCase identify, Set<String> publicPaths) {
        // No tracing spans per request: nothing collects them here, and they cost on the hot path.
        this.security = Security.builder()
                .disableTracing()
                .addAuthenticationProvider(new BearerAuthenticationProvider(Objects.requireNonNull(verifier, "verifier")),
                        PROVIDER)
                .build();
        this.identify = Objects.requireNonNull(identify, "identify");
        this.publicPaths = Set.copyOf(publicPaths);
    }

    /**
     * The authenticated caller. Fails closed: a route reached without the filter having identified
     * anyone answers 401, never runs anonymously.
     */
    public static User caller(ServerRequest req) {
        return req.context().get(User.class).orElseThrow(() -> missingToken().raise());
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().absolute().path();
        if (needsCaller(path)) {
            req.context().register(authenticate(req));
        }
        chain.proceed();
    }

    private boolean needsCaller(String path) {
        // Collapsing repeated slashes keeps "//api/…" from slipping past the prefix check.
        String normalized = path.contains("//") ? path.replaceAll("/{2,}", "/") : path;
        return (normalized.equals("/api") || normalized.startsWith("/api/")) && !publicPaths.contains(normalized);
    }

    private User authenticate(RoutingRequest req) {
        VerifiedToken verified = verifiedBySecurity(req, bearerToken(req));
        UserId userId;
        try {
            userId = new UserId(verified.userId());
        } catch (IllegalArgumentException e) {
            throw invalidToken("The token's user id is not acceptable").raise();
        }
        Result<User, CallerError> identified = identify.identifyCaller(new IdentifyCallerCommand(
                userId, verified.email(), verified.name(), verified.source(), verified.admin(), verified.banned()));
        return switch (identified) {
            case Result.Ok<User, CallerError> ok -> ok.value();
            case Result.Err<User, CallerError> err -> throw ProblemMapper.of(err.error()).raise();
        };
    }

    /** Asks Helidon Security, whose only provider is the token verifier, who the bearer of the token is. */
    private VerifiedToken verifiedBySecurity(RoutingRequest req, String token) {
        SecurityContext context = security.createContext(RequestId.of(req).value());
        context.env(SecurityEnvironment.builder()
                .method(req.prologue().method().text())
                .path(req.path().path())
                .header("Authorization", "Bearer " + token)
                .build());
        AuthenticationResponse response = context.atnClientBuilder().submit();
        if (response.status().isSuccess()) {
            return response.user()
                    .flatMap(subject -> subject.publicCredential(VerifiedToken.class))
                    .orElseThrow(() -> new IllegalStateException("the bearer provider authenticated no token"));
        }
        throw invalidToken(response.description().orElse("The token is invalid")).raise();
    }

    private static String bearerToken(RoutingRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("").strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw missingToken().raise();
        }
        String token = header.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw missingToken().raise();
        }
        return token;
    }

    private static Problem missingToken() {
        return Problem.of(Status.UNAUTHORIZED_401, "This request needs a bearer token (Authorization: Bearer <token>).")
                .withHeader("WWW-Authenticate", REALM);
    }

    private static Problem invalidToken(String reason) {
        String description = headerSafe(reason);
        return Problem.of(Status.UNAUTHORIZED_401, "The bearer token was refused: " + description
                        + (description.endsWith(".") ? "" : "."))
                .withHeader("WWW-Authenticate",
                        REALM + ", error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    /** RFC 6750 allows printable ASCII except {@code "} and {@code \} in error_description. */
    static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder();
        String source = text == null || text.isBlank() ? "The token is invalid" : text;
        source.chars()
                .filter(c -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\')
                .forEach(c -> safe.append((char) c));
        return safe.toString().strip();
    }
}
