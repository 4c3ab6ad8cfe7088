package app.todo.adapter.in.http.testing;

import app.todo.adapter.in.http.CorsFilter;
import app.todo.adapter.in.http.HttpConfig;
import app.todo.adapter.in.http.RequestBodies;
import app.todo.adapter.in.http.TodoHttpServer;
import app.todo.adapter.in.http.account.AccountRateLimits;
import app.todo.application.memory.InMemoryRateLimiter;
import app.todo.application.service.AttemptLimits;
import app.todo.adapter.in.http.account.AccountRoutes;
import app.todo.adapter.in.http.account.AdminRoutes;
import app.todo.application.memory.InMemoryPasswordHasher;
import app.todo.adapter.in.http.account.ClientAddress;
import app.todo.application.memory.InMemoryStore;
import app.todo.application.service.AdminBootstrap;
import app.todo.application.service.RecentCallers;
import app.todo.application.service.StartSessionService;
import app.todo.application.service.SessionLiveness;
import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.in.AccountUseCases;
import app.todo.application.service.AccountUseCasesFactory;
import app.todo.domain.account.AccessToken;
import app.todo.domain.user.Email;
import app.todo.domain.user.User;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The account and admin routes and the CORS filter for a {@link TestServer}, over its in-memory store:
 * the in-memory password hasher (Argon2 is a driven adapter, tested in its own module), and session tokens of the test's own key, which the test
 * server's verifier accepts ({@link TestTokens}).
 */
public final class TestAccounts {

    public static final String ADMIN_EMAIL = "boss@example.com";
    public static final String FRONTEND = "http://localhost:3000";
    public static final String JWKS = """
            {"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"test-key","alg":"EdDSA","use":"sig"}]}""";

    private TestAccounts() {
    }

    /**
     * @param clock the rate limits' and the services' clock, which a test may move
     */
    public static Consumer<TodoHttpServer.Builder> routes(InMemoryStore store, Clock clock) {
        return routes(store, clock, ClientAddress.SOCKET);
    }

    /** @param clientAddress how the rate limits tell clients apart */
    public static Consumer<TodoHttpServer.Builder> routes(InMemoryStore store, Clock clock, ClientAddress clientAddress) {
        return routes(store, clock, clientAddress, AdminBootstrap.forEmails(Set.of(new Email(ADMIN_EMAIL))));
    }

    /** @param adminBootstrap the one-time tokens {@link #ADMIN_EMAIL} claims the admin role with */
    public static Consumer<TodoHttpServer.Builder> routes(InMemoryStore store, Clock clock, ClientAddress clientAddress,
                                                          AdminBootstrap adminBootstrap) {
        PasswordHasher hasher = new InMemoryPasswordHasher();
        RequestBodies bodies = new RequestBodies(HttpConfig.DEFAULT_MAX_BODY_BYTES);
        AccountUseCases useCases = useCases(store, hasher, clock, adminBootstrap);
        AccountRoutes accounts = new AccountRoutes(useCases, TestAccounts::sessionFor, () -> JWKS,
                new AccountRateLimits(new AttemptLimits(new InMemoryRateLimiter(clock)), clientAddress), bodies);
        AdminRoutes admin = new AdminRoutes(useCases.listUsers(), useCases.changeUser(), bodies);
        return builder -> {
            builder.accounts(accounts, admin);
            builder.addFilter(new CorsFilter(List.of(FRONTEND)));
        };
    }

    /** Tokens of the test's own key ({@link TestTokens#OWN_KEYS}), valid for an hour of real time. */
    private static AccessToken sessionFor(User user, String sessionId) {
        return TestTokens.own(user.id().value(), sessionId);
    }

    /**
     * The account use cases over the store, as production puts them together. Callers and session liveness
     * are not cached here, so a test sees a sign-out or a demotion at once; the test server's caller check
     * reads the same store ({@link TestServer}).
     */
    public static AccountUseCases useCases(InMemoryStore store, PasswordHasher hasher, Clock clock,
                                           AdminBootstrap adminBootstrap) {
        return AccountUseCasesFactory.over(new AccountUseCasesFactory.Stores(store.users(), store.credentials(),
                        store.sessions(), store.userDirectory(), store.transactions(), store.adminClaims()),
                hasher, adminBootstrap, RecentCallers.none(), liveness(store), clock, StartSessionService.DEFAULT_SESSION_TTL);
    }

    /** Session liveness read from the store on every request. */
    public static SessionLiveness liveness(InMemoryStore store) {
        return new SessionLiveness(store.sessions(), Clock.systemUTC(), Duration.ZERO, 1);
    }
}
