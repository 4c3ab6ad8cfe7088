package app.todo.adapter.in.http;

import app.todo.adapter.in.http.metrics.SessionVerificationMetrics;
import app.todo.adapter.in.http.metrics.SessionVerificationMetrics.Outcome;
import app.todo.adapter.in.http.problem.BearerChallenge;
import app.todo.adapter.in.http.problem.Problem;
import app.todo.adapter.in.http.problem.ProblemException;
import app.todo.adapter.in.http.problem.ProblemMapper;
import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.application.port.in.IdentifyCallerUseCase;
import app.todo.application.port.in.ResolveSessionUseCase;
import app.todo.application.port.in.ResolveSessionUseCase.ResolvedSession;
import app.todo.application.port.in.ResolveSessionUseCase.SessionRefused;
import app.todo.application.port.in.VerifyAccessTokenUseCase;
import app.todo.application.port.in.VerifyAccessTokenUseCase.TokenRefused;
import app.todo.domain.account.SessionCredential;
import app.todo.application.port.out.IdentityProviderUnavailableException;
import app.todo.application.port.out.StorageUnavailableException;
import app.todo.domain.shared.Result;
import app.todo.domain.user.IdentitySource;
import app.todo.domain.user.User;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every {@code /api/**} request but the public ones needs a credential (docs/rules.md §1), read once and
 * checked once: a bearer token (RFC 6750), or, when Better Auth sessions are on, Better Auth's session
 * cookie. A JWT goes to the application's token verification; anything else, with sessions on, is a Better Auth session
 * token resolved by asking Better Auth; the two never mix. The identity is then handed to the
 * application once, which decides banned, disabled and admin, and the caller goes into the request
 * context for the routes. The credential itself is never logged nor echoed.
 *
 * <p>CSRF (docs/rules.md §6): a state-changing request ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}) authenticated by the cookie alone must come from an allowed {@code Origin}
 * ({@code CORS_ORIGINS}), else {@code 403}; a bearer token cannot be sent by a forged cross-site form.
 */
public final class AuthenticationFilter implements Filter {

    private static final String SCHEME = "bearer";
    /** The MCP server's path: it needs a caller like {@code /api}, and its 401 says where to learn how to get one. */
    public static final String MCP_PATH = "/mcp";
    /** OAuth 2.0 Protected Resource Metadata (RFC 9728) for {@link #MCP_PATH}. */
    public static final String RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource";
    /** Better Auth's session cookie: over HTTPS with the {@code __Secure-} prefix, over HTTP without. */
    static final List<String> SESSION_COOKIES = List.of("__Secure-better-auth.session_token", "better-auth.session_token");
    private static final Set<Method> STATE_CHANGING = Set.of(Method.POST, Method.PUT, Method.PATCH, Method.DELETE);

    /** The {@code Cache-Control} of every answer to a request with a caller, unless its route sets another. */
    static final String PRIVATE = "private, no-cache";

    private final VerifyAccessTokenUseCase verifier;
    private final IdentifyCallerUseCase identify;
    private final Set<String> publicPaths;
    private final Optional<ResolveSessionUseCase> sessions;
    private final Predicate<String> allowedOrigin;
    private final SessionVerificationMetrics sessionMetrics;
    private final Predicate<String> routed;
    private final Function<RoutingRequest, String> clientAddress;

    /**
     * @param routed whether a (decoded, canonical) path matches some route: a path that matches none is left
     *               to the routing's 404, with or without a credential, so a mistyped or unknown path never
     *               reads as "signed out"
     * @param clientAddress the client's IP address as rate limits see it (the socket, or the proxy's
     *               {@code X-Forwarded-For} entry), for Better Auth session lookups
     */
    AuthenticationFilter(VerifyAccessTokenUseCase verifier, IdentifyCallerUseCase identify, Set<String> publicPaths,
                         Optional<ResolveSessionUseCase> sessions, Predicate<String> allowedOrigin,
                         SessionVerificationMetrics sessionMetrics, Predicate<String> routed,
                         Function<RoutingRequest, String> clientAddress) {
        this.routed = Objects.requireNonNull(routed, "routed");
        this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.identify = Objects.requireNonNull(identify, "identify");
        this.publicPaths = Set.copyOf(publicPaths);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.allowedOrigin = Objects.requireNonNull(allowedOrigin, "allowedOrigin");
        this.sessionMetrics = Objects.requireNonNull(sessionMetrics, "sessionMetrics");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        // The prologue, not req.path(): RequestTargetFilter has already made it canonical (no trailing slash).
        String path = req.prologue().uriPath().path();
        if (needsCaller(path)) {
            IdentifyCallerCommand identity = path.equals(MCP_PATH) ? authenticateForMcp(req) : authenticate(req);
            req.context().register(identified(identity));
            // A live stream outlasts its first check: it asks again, through the same path, while it runs.
            req.context().register(new Caller.StillValid(() -> {
                try {
                    identified(authenticate(req));
                    return true;
                } catch (ProblemException refused) {
                    return false;
                } catch (IdentityProviderUnavailableException | StorageUnavailableException unavailable) {
                    return true; // away for a while: no reason to end a stream yet (docs/api.md, "Live stream")
                }
            }));
            if (identity.source() == IdentitySource.OWN_KEY) {
                identity.sessionId().ifPresent(sid -> req.context().register(new Caller.OwnSession(sid)));
            }
            // What one caller may read is no shared cache's to keep (a cookie, unlike a bearer token, does not stop
            // one); a browser may keep it and revalidate with If-None-Match. Routes that hand out credentials say
            // no-store instead.
            res.header(HeaderNames.CACHE_CONTROL, PRIVATE);
        }
        chain.proceed();
    }

    private boolean needsCaller(String path) {
        // Collapsing repeated slashes keeps "//api/…" from slipping past the prefix check.
        String normalized = path.contains("//") ? path.replaceAll("/{2,}", "/") : path;
        // A path no route matches is answered 404 by the routing; a handler reached without a caller
        // still fails closed (caller(req) is a 401), so this can only ever cost a 404, never open a route.
        return normalized.equals(MCP_PATH) || (normalized.equals("/api") || normalized.startsWith("/api/"))
                && !publicPaths.contains(normalized) && routed.test(normalized);
    }

    /**
     * As {@link #authenticate}, and a 401 also names the resource metadata (RFC 9728 §5.1), as the MCP authorization
     * specification asks, so that an MCP client can find out how to get a token.
     */
    private IdentifyCallerCommand authenticateForMcp(RoutingRequest req) {
        try {
            return authenticate(req);
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            String challenge = problem.headers().get(BearerChallenge.HEADER);
            if (problem.status() != Status.UNAUTHORIZED_401 || challenge == null) {
                throw refused;
            }
            throw problem.withHeader(BearerChallenge.HEADER, challenge + ", resource_metadata=\""
                    + baseUrl(req) + RESOURCE_METADATA_PATH + MCP_PATH + "\"").raise();
        }
    }

    /** {@code scheme://host[:port]} as the client addressed this service (behind a proxy: its Host header). */
    public static String baseUrl(ServerRequest req) {
        var uri = req.requestedUri();
        boolean defaultPort = (uri.scheme().equals("http") && uri.port() == 80)
                || (uri.scheme().equals("https") && uri.port() == 443);
        return uri.scheme() + "://" + uri.host() + (defaultPort ? "" : ":" + uri.port());
    }

    /** Who the credential says the caller is, checked once; the application decides the rest. */
    private IdentifyCallerCommand authenticate(RoutingRequest req) {
        Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            String token = bearerToken(authorization.get());
            if (sessions.isPresent() && !looksLikeJwt(token)) {
                return resolved(SessionCredential.bearer(token).from(clientAddress.apply(req)));
            }
            return verified(token);
        }
        if (sessions.isPresent()) {
            for (String name : SESSION_COOKIES) {
                Optional<String> cookie = req.headers().cookies().first(name).asOptional();
                if (cookie.isPresent() && !cookie.get().isBlank()) {
                    refuseCrossSiteChange(req);
                    return resolved(SessionCredential.cookie(name, cookie.get()).from(clientAddress.apply(req)));
                }
            }
        }
        throw missingToken().raise();
    }

    private void refuseCrossSiteChange(RoutingRequest req) {
        if (STATE_CHANGING.contains(req.prologue().method())
                && req.headers().first(HeaderNames.ORIGIN).filter(allowedOrigin).isEmpty()) {
            throw Problem.of(Status.FORBIDDEN_403, "A change authenticated by the session cookie alone must come "
                    + "from an allowed origin (CORS_ORIGINS): cross-site request forgery protection.").raise();
        }
    }

    private IdentifyCallerCommand verified(String token) {
        return switch (verifier.verifyAccessToken(token)) {
            case Result.Ok<IdentifyCallerCommand, TokenRefused> ok -> ok.value();
            case Result.Err<IdentifyCallerCommand, TokenRefused> err -> throw invalidToken(err.error().reason()).raise();
        };
    }

    private IdentifyCallerCommand resolved(SessionCredential credential) {
        Result<ResolvedSession, SessionRefused> result;
        try {
            result = sessions.orElseThrow().resolve(credential);
        } catch (IdentityProviderUnavailableException e) {
            sessionMetrics.record(Outcome.UNAVAILABLE);
            throw e;
        }
        return switch (result) {
            case Result.Ok<ResolvedSession, SessionRefused> ok -> {
                sessionMetrics.record(ok.value().cached() ? Outcome.CACHED : Outcome.ACCEPTED);
                yield ok.value().identity();
            }
            case Result.Err<ResolvedSession, SessionRefused> err -> {
                sessionMetrics.record(Outcome.REJECTED);
                err.error().retryAfter().ifPresent(wait -> {
                    throw ProblemMapper.tooManyRequests("unknown session tokens", wait).raise();
                });
                throw invalidToken(err.error().reason()).raise();
            }
        };
    }

    private User identified(IdentifyCallerCommand command) {
        return ProblemMapper.valueOf(identify.identifyCaller(command));
    }

    /** A compact JWS: three base64url parts, the first a JSON header ({@code eyJ} is {@code {"}). */
    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return token.startsWith("eyJ") && first > 0 && token.indexOf('.', first + 1) > first
                && token.indexOf('.', token.indexOf('.', first + 1) + 1) < 0;
    }

    private static String bearerToken(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw missingToken().raise();
        }
        String token = value.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw missingToken().raise();
        }
        return token;
    }

    static Problem missingToken() {
        return Problem.of(Status.UNAUTHORIZED_401, "This request needs a bearer token (Authorization: Bearer <token>).")
                .withHeader(BearerChallenge.HEADER, BearerChallenge.REALM);
    }

    private static Problem invalidToken(String reason) {
        String description = BearerChallenge.headerSafe(reason);
        return Problem.of(Status.UNAUTHORIZED_401, "The bearer token was refused: " + description
                        + (description.endsWith(".") ? "" : "."))
                .withHeader(BearerChallenge.HEADER, BearerChallenge.invalidToken(description));
    }
}
