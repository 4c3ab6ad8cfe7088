package app.todo.adapter.in.http.account;

import app.todo.application.port.in.IssueAccessTokenUseCase;
import app.todo.application.port.in.PublishSigningKeysUseCase;
import app.todo.application.port.in.AccountUseCases;
import app.todo.application.port.in.ClaimAdminCommand;
import app.todo.application.port.in.StartSessionUseCase;
import app.todo.application.port.in.StartSessionCommand;
import app.todo.application.port.in.SignOutCommand;
import app.todo.application.port.in.RevokeSessionCommand;
import app.todo.application.port.in.RefreshSessionUseCase;
import app.todo.application.port.in.RefreshSessionCommand;
import app.todo.application.port.in.ListSessionsQuery;
import app.todo.application.port.in.ChangePasswordCommand;
import app.todo.adapter.in.http.Caller;
import app.todo.adapter.in.http.Endpoint;
import app.todo.adapter.in.http.JsonResponses;
import app.todo.adapter.in.http.RequestBodies;
import app.todo.adapter.in.http.json.AccountFieldsReader;
import app.todo.adapter.in.http.json.AccountJson;
import app.todo.adapter.in.http.json.Json;
import app.todo.adapter.in.http.json.UserJson;
import app.todo.adapter.in.http.problem.ProblemMapper;
import app.todo.application.port.in.SignInCommand;
import app.todo.application.port.in.SignInUseCase;
import app.todo.domain.account.AccessToken;
import app.todo.domain.user.User;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /api/auth/**}: the service's own accounts. Sign-up, sign-in (and aliases), refresh (which takes a
 * refresh token) and the JWK set are public ({@link #PUBLIC_PATHS});
 * {@code /me} needs a token like every other route. Rate limits come first, so an over-eager client
 * is told to wait before any password is hashed. No password, hash or token is ever logged or echoed.
 */
public final class AccountRoutes implements HttpService {

    public static final String PREFIX = "/api/auth";
    /**
     * The names Phase II frontends written for FastAPI backends send their own login calls to, served exactly
     * like sign-up, sign-in and sign-out (docs/frontends.md lists the frontends surveyed).
     */
    static final List<String> SIGN_UP_ALIASES = List.of("/signup", "/register");
    static final List<String> SIGN_IN_ALIASES = List.of("/signin", "/login");
    static final List<String> SIGN_OUT_ALIASES = List.of("/logout");
    private static final Set<String> HASHING = Set.copyOf(Stream.of(Stream.of("/sign-up", "/sign-in", "/change-password"),
            SIGN_UP_ALIASES.stream(), SIGN_IN_ALIASES.stream()).flatMap(s -> s).toList());
    /** The paths served without a credential: those that hand one out, and the keys that check the service's own. */
    public static final Set<String> PUBLIC_PATHS = Stream.of(
                    Stream.of("/sign-up", "/sign-in", "/refresh", "/jwks"), SIGN_UP_ALIASES.stream(), SIGN_IN_ALIASES.stream())
            .flatMap(paths -> paths).map(path -> PREFIX + path).collect(Collectors.toUnmodifiableSet());

    /**
     * Whether {@code path} (canonical, e.g. {@code /api/auth/sign-in}) is a route that hashes a password: sign-up,
     * sign-in, their aliases and the password change, whose Argon2 work waits in the hasher's bounded line.
     */
    public static boolean hashesPasswords(String path) {
        return path.startsWith(PREFIX) && HASHING.contains(path.substring(PREFIX.length()));
    }

    private final AccountUseCases accounts;
    private final IssueAccessTokenUseCase tokens;
    private final PublishSigningKeysUseCase signingKeys;
    private final AccountRateLimits limits;
    private final RequestBodies bodies;

    /**
     * @param accounts    the account and session use cases these routes drive (the admin ones drive {@link AdminRoutes})
     * @param tokens      the access token each sign-up, sign-in and refresh answers with
     * @param signingKeys what {@code /api/auth/jwks} serves
     * @param bodies      the body reader with the server's size limit
     */
    public AccountRoutes(AccountUseCases accounts, IssueAccessTokenUseCase tokens, PublishSigningKeysUseCase signingKeys,
                         AccountRateLimits limits, RequestBodies bodies) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, "/sign-up").on(Method.POST, this::signUp).otherwiseNotAllowed();
        Endpoint.at(rules, "/sign-in").on(Method.POST, this::signIn).otherwiseNotAllowed();
        SIGN_UP_ALIASES.forEach(alias -> Endpoint.at(rules, alias).on(Method.POST, this::signUp).otherwiseNotAllowed());
        SIGN_IN_ALIASES.forEach(alias -> Endpoint.at(rules, alias).on(Method.POST, this::signIn).otherwiseNotAllowed());
        SIGN_OUT_ALIASES.forEach(alias -> Endpoint.at(rules, alias).on(Method.POST, this::signOut).otherwiseNotAllowed());
        Endpoint.at(rules, "/me").on(Method.GET, this::me).otherwiseNotAllowed();
        Endpoint.at(rules, "/jwks").on(Method.GET, this::jwks).otherwiseNotAllowed();
        Endpoint.at(rules, "/claim-admin").on(Method.POST, this::claimAdmin).otherwiseNotAllowed();
        Endpoint.at(rules, "/refresh").on(Method.POST, this::refresh).otherwiseNotAllowed();
        Endpoint.at(rules, "/sign-out").on(Method.POST, this::signOut).otherwiseNotAllowed();
        Endpoint.at(rules, "/sessions").on(Method.GET, this::listSessions).otherwiseNotAllowed();
        Endpoint.at(rules, "/sessions/{id}").on(Method.DELETE, this::revokeSession).otherwiseNotAllowed();
        Endpoint.at(rules, "/change-password").on(Method.POST, this::changePassword).otherwiseNotAllowed();
    }

    private void signUp(ServerRequest req, ServerResponse res) {
        String address = limits.clientAddress().of(req);
        refuseWhenOver(limits.attempts().signUp(address), "sign-ups");
        var command = RequestBodies.valid(AccountFieldsReader.signUp(bodies.required(req)));
        sendSession(req, res, Status.CREATED_201, ProblemMapper.valueOf(accounts.signUp().signUp(command)));
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        String address = limits.clientAddress().of(req);
        refuseWhenOver(limits.attempts().signIn(address), "sign-in attempts");
        SignInCommand command = RequestBodies.valid(AccountFieldsReader.signIn(bodies.required(req)));
        refuseWhenOver(limits.attempts().signInAs(address, command.email()), "sign-in attempts for this account");
        SignInUseCase.SignedIn signedIn = ProblemMapper.valueOf(accounts.signIn().signIn(
                command.withUserAgent(userAgent(req))));
        send(res, Status.OK_200, signedIn.user(), signedIn.issued());
    }

    /** {@code POST /api/auth/refresh {"refresh_token": "…"}}: rotation; limited like sign-in per address. */
    private void refresh(ServerRequest req, ServerResponse res) {
        refuseWhenOver(limits.attempts().refresh(limits.clientAddress().of(req)), "refresh attempts");
        String token = RequestBodies.valid(AccountFieldsReader.refresh(bodies.required(req)));
        RefreshSessionUseCase.Refreshed refreshed =
                ProblemMapper.valueOf(accounts.refreshSession().refresh(new RefreshSessionCommand(token)));
        send(res, Status.OK_200, refreshed.user(), refreshed.issued());
    }

    /** {@code POST /api/auth/sign-out}: the caller's own session ends; tokens of other kinds have none. */
    private void signOut(ServerRequest req, ServerResponse res) {
        User caller = Caller.of(req);
        Caller.ownSession(req)
                .ifPresent(session -> accounts.signOut().signOut(new SignOutCommand(caller, session.id())));
        res.status(Status.NO_CONTENT_204).send();
    }

    private void listSessions(ServerRequest req, ServerResponse res) {
        User caller = Caller.of(req);
        Optional<String> current = Caller.ownSession(req).map(Caller.OwnSession::id);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        JsonResponses.send(res, Status.OK_200, accounts.listSessions().listSessions(new ListSessionsQuery(caller)).stream()
                .map(session -> AccountJson.SessionInfo.of(session, current)).toList());
    }

    private void revokeSession(ServerRequest req, ServerResponse res) {
        User caller = Caller.of(req);
        String id = req.path().pathParameters().get("id");
        ProblemMapper.valueOf(accounts.revokeSession().revokeSession(new RevokeSessionCommand(caller, id)));
        res.status(Status.NO_CONTENT_204).send();
    }

    /** Counted by the sign-in limit per address and email: a current password is a secret to guess. */
    private void changePassword(ServerRequest req, ServerResponse res) {
        User caller = Caller.of(req);
        String address = limits.clientAddress().of(req);
        refuseWhenOver(limits.attempts().signIn(address), "password attempts");
        refuseWhenOver(limits.attempts().signInAs(address,
                caller.emailAddress().map(Object::toString).orElse(caller.id().value())), "password attempts");
        var passwords = RequestBodies.valid(AccountFieldsReader.changePassword(bodies.required(req)));
        Optional<String> keep = Caller.ownSession(req).map(Caller.OwnSession::id);
        ProblemMapper.valueOf(accounts.changePassword().changePassword(
                new ChangePasswordCommand(caller, passwords.current(), passwords.replacement(), keep)));
        res.status(Status.NO_CONTENT_204).send();
    }

    /**
     * {@code POST /api/auth/claim-admin {"token": "…"}}: the caller, whose email is in {@code ADMIN_EMAILS},
     * proves it with the one-time token from the start-up log; counted by the sign-in limit, since a
     * token is a secret to guess.
     */
    private void claimAdmin(ServerRequest req, ServerResponse res) {
        User caller = Caller.of(req);
        refuseWhenOver(limits.attempts().signIn(limits.clientAddress().of(req)), "attempts");
        String token = RequestBodies.valid(AccountFieldsReader.claimAdmin(bodies.required(req)));
        User admin = ProblemMapper.valueOf(accounts.claimAdmin().claimAdmin(new ClaimAdminCommand(caller, token)));
        JsonResponses.send(res, Status.OK_200, new AccountJson.Me(UserJson.from(admin)));
    }

    private void me(ServerRequest req, ServerResponse res) {
        User caller = Caller.of(req);
        JsonResponses.send(res, Status.OK_200, new AccountJson.Me(UserJson.from(caller)));
    }

    private void jwks(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, Json.MEDIA_TYPE);
        // Public keys change only on rotation; a verifier may keep them a few minutes.
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        res.send(signingKeys.publicSigningKeys().getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a session for the user who just proved who they are, and answers its tokens. */
    private void sendSession(ServerRequest req, ServerResponse res, Status status, User user) {
        send(res, status, user, accounts.startSession().start(new StartSessionCommand(user, userAgent(req))));
    }

    /** The client's {@code User-Agent}, kept with a session it opens so the sessions list can name the device. */
    private static String userAgent(ServerRequest req) {
        return req.headers().first(HeaderNames.USER_AGENT).orElse(null);
    }

    private void send(ServerResponse res, Status status, User user, StartSessionUseCase.IssuedSession issued) {
        AccessToken access = tokens.issueAccessToken(user, issued.session().id());
        // A token is a credential: no cache may keep the answer that carries it.
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        JsonResponses.send(res, status, AccountJson.Session.of(user, access.compactJws(), access.expiresAt(),
                issued.refreshToken(), issued.refreshExpiresAt(), issued.session().lastUsedAt()));
    }

    private static void refuseWhenOver(Optional<Duration> wait, String what) {
        wait.ifPresent(duration -> {
            throw ProblemMapper.tooManyRequests(what, duration).raise();
        });
    }

}
