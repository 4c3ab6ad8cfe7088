package app.todo.bootstrap;

import app.todo.application.testing.Polling;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.http.betterauth.StubBetterAuth;
import app.todo.adapter.out.persistence.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Better Auth session tokens through the real wiring on PostgreSQL, against Better Auth's
 * get-session as a stub answers it; interop/better-auth/sessions.sh does the same against the real server.
 */
class BetterAuthSessionsEndToEndTest {

    private static final String FRONTEND = "http://app.example";
    private static final String COOKIE = "better-auth.session_token";
    private static StubBetterAuth betterAuth;
    private static RunningService service;

    @BeforeAll
    static void start() {
        betterAuth = new StubBetterAuth(TestTokens.SECRET);
        service = RunningService.start(Map.of(
                "DATABASE_URL", RunningService.databaseUrl(TestPostgres.newDatabase()),
                "BETTER_AUTH_URL", betterAuth.url().toString(),
                "BETTER_AUTH_SECRET", TestTokens.SECRET,
                "AUTH_SESSION_CACHE", "1s",
                "CORS_ORIGINS", FRONTEND));
    }

    @AfterAll
    static void stop() {
        service.close();
        betterAuth.close();
    }

    private static String newUser() {
        return "ba-" + UUID.randomUUID();
    }

    @Test
    void aBearerSessionTokenSignedOrRawWorksLikeAJwtAndOnlyForItsOwner() {
        String user = newUser();
        String signed = betterAuth.signIn(user, "ada@example.com", "user", false);
        String tasks = "/api/" + user + "/tasks";

        assertEquals(201, service.send("POST", tasks, signed, "{\"title\":\"from a session\"}").statusCode());
        HttpResponse<String> list = service.send("GET", tasks, signed, null);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("from a session"));
        assertEquals(403, service.send("GET", "/api/someone-else/tasks", signed, null).statusCode());
        assertEquals(200, service.send("GET", tasks, signed.substring(0, signed.indexOf('.')), null).statusCode(), "raw");
        assertEquals(200, service.send("GET", tasks, URLEncoder.encode(signed, StandardCharsets.UTF_8), null).statusCode());
        assertEquals("ada@example.com", service.send("GET", "/api/auth/me", signed, null).body()
                .replaceAll(".*\"email\":\"([^\"]*)\".*", "$1"));
    }

    @Test
    void theSessionCookieWorksAndChangesByCookieAloneNeedAnAllowedOrigin() {
        String user = newUser();
        String cookie = COOKIE + "=" + URLEncoder.encode(betterAuth.signIn(user, null, null, false), StandardCharsets.UTF_8);
        String tasks = "/api/" + user + "/tasks";

        assertEquals(200, service.send("GET", tasks, null, null, "Cookie", cookie).statusCode());
        assertEquals(403, service.send("POST", tasks, null, "{\"title\":\"csrf\"}", "Cookie", cookie).statusCode(),
                "no Origin: refused");
        assertEquals(403, service.send("POST", tasks, null, "{\"title\":\"csrf\"}", "Cookie", cookie,
                "Origin", "http://evil.example").statusCode());
        assertEquals(201, service.send("POST", tasks, null, "{\"title\":\"mine\"}", "Cookie", cookie,
                "Origin", FRONTEND).statusCode());
    }

    @Test
    void aTamperedSignatureIsRefusedWithoutAskingBetterAuth() {
        String user = newUser();
        String signed = betterAuth.signIn(user, null, null, false);
        String tampered = signed.substring(0, signed.indexOf('.') + 1) + betterAuth.sign("another token");
        int calls = betterAuth.calls();

        HttpResponse<String> refused = service.send("GET", "/api/" + user + "/tasks", tampered, null);

        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));
        assertEquals(calls, betterAuth.calls(), "no call to Better Auth for a forged token");
    }

    @Test
    void signOutAndBanInBetterAuthHoldHereWithinTheCacheWindow() {
        String leaving = newUser();
        String leavingToken = betterAuth.signIn(leaving, null, null, false);
        String banned = newUser();
        String bannedToken = betterAuth.signIn(banned, null, null, false);
        assertEquals(200, service.send("GET", "/api/" + leaving + "/tasks", leavingToken, null).statusCode());
        assertEquals(200, service.send("GET", "/api/" + banned + "/tasks", bannedToken, null).statusCode());

        betterAuth.signOut(leavingToken);
        betterAuth.ban(banned);

        Polling.await(Duration.ofSeconds(10), "the signed-out session is refused",
                () -> service.send("GET", "/api/" + leaving + "/tasks", leavingToken, null).statusCode() == 401);
        Polling.await(Duration.ofSeconds(10), "the banned user is refused",
                () -> service.send("GET", "/api/" + banned + "/tasks", bannedToken, null).statusCode() == 403);
    }
}
