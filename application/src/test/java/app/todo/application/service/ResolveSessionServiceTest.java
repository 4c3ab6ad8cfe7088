package app.todo.application.service;

import app.todo.application.testing.MutableClock;
import app.todo.application.memory.InMemoryExternalSessionDirectory;
import app.todo.application.port.in.ResolveSessionUseCase.ResolvedSession;
import app.todo.application.port.in.ResolveSessionUseCase.SessionRefused;
import app.todo.application.port.out.ExternalSessionDirectory.ExternalSession;
import app.todo.domain.account.SessionCredential;
import app.todo.application.port.out.IdentityProviderUnavailableException;
import app.todo.domain.shared.Result;
import app.todo.domain.user.IdentitySource;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Better Auth session tokens: local HMAC check first, then Better Auth's word, cached. */
class ResolveSessionServiceTest {

    private static final String SECRET = "better-auth-secret-of-at-least-32-bytes!";
    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";

    private final MutableClock clock = new MutableClock(TaskServices.START);
    private final InMemoryExternalSessionDirectory betterAuth = new InMemoryExternalSessionDirectory();
    private final ResolveSessionService sessions = new ResolveSessionService(betterAuth, Optional.of(SECRET), clock,
            Duration.ofSeconds(30), 100);

    ResolveSessionServiceTest() {
        betterAuth.put(TOKEN, new ExternalSession("ba-1", "ada@example.com", "Ada", "admin", false, null));
    }

    @Test
    void aSignedTokenIsResolvedByBetterAuthAndItsClaimsComeAlong() {
        ResolvedSession session = ok(sessions.resolve(SessionCredential.bearer(signed(TOKEN))));

        assertEquals("ba-1", session.identity().userId().value());
        assertEquals(IdentitySource.BETTER_AUTH_SESSION, session.identity().source());
        assertTrue(session.identity().adminClaim());
        assertFalse(session.cached());
        assertEquals(1, betterAuth.calls());
    }

    @Test
    void aForgedSignatureIsRefusedWithoutAskingBetterAuth() {
        String forged = TOKEN + "." + Base64.getEncoder().encodeToString(new byte[32]);

        assertEquals("The session token's signature is invalid", err(sessions.resolve(SessionCredential.bearer(forged))).reason());
        assertEquals(0, betterAuth.calls());
    }

    @Test
    void rawAndUrlEncodedSignedBearerTokensShareOneCachedAnswer() {
        String encoded = URLEncoder.encode(signed(TOKEN), StandardCharsets.UTF_8);
        ok(sessions.resolve(SessionCredential.bearer(TOKEN)));
        assertTrue(ok(sessions.resolve(SessionCredential.bearer(encoded))).cached());
        assertEquals(1, betterAuth.calls(), "one call per token per window");
        assertFalse(ok(sessions.resolve(SessionCredential.cookie("better-auth.session_token", encoded))).cached(),
                "the cookie is its own credential kind");
        assertTrue(ok(sessions.resolve(SessionCredential.cookie("better-auth.session_token", encoded))).cached());
        assertEquals(2, betterAuth.calls());
    }

    @Test
    void aSessionRefusedAsABearerTokenIsStillAskedAboutAsACookie() {
        betterAuth.cookiesOnly(); // a Better Auth without the bearer() plugin
        String encoded = URLEncoder.encode(signed(TOKEN), StandardCharsets.UTF_8);

        err(sessions.resolve(SessionCredential.bearer(signed(TOKEN))));
        ResolvedSession byCookie = ok(sessions.resolve(SessionCredential.cookie("better-auth.session_token", encoded)));

        assertFalse(byCookie.cached(), "a refusal cached for the bearer form answered for the cookie");
        assertEquals("ba-1", byCookie.identity().userId().value());
    }

    @Test
    void aSignedOutSessionIsRefusedOnceTheCacheWindowHasPassed() {
        ok(sessions.resolve(SessionCredential.bearer(TOKEN)));
        betterAuth.remove(TOKEN);
        clock.advance(Duration.ofSeconds(29));
        assertTrue(ok(sessions.resolve(SessionCredential.bearer(TOKEN))).cached(), "within the window");

        clock.advance(Duration.ofSeconds(2));
        SessionRefused refused = err(sessions.resolve(SessionCredential.bearer(TOKEN)));
        assertFalse(refused.cached());
        assertEquals(2, betterAuth.calls());
    }

    @Test
    void refusalsAreCachedBrieflyToo() {
        String unknown = "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ";
        err(sessions.resolve(SessionCredential.bearer(unknown)));
        assertTrue(err(sessions.resolve(SessionCredential.bearer(unknown))).cached());
        clock.advance(ResolveSessionService.NEGATIVE_TTL);
        err(sessions.resolve(SessionCredential.bearer(unknown)));
        assertEquals(2, betterAuth.calls());
    }

    @Test
    void betterAuthUnreachableIsUnavailableButAFreshCachedAnswerStillServes() {
        ok(sessions.resolve(SessionCredential.bearer(TOKEN)));
        betterAuth.goAway();

        assertTrue(ok(sessions.resolve(SessionCredential.bearer(TOKEN))).cached());
        assertThrows(IdentityProviderUnavailableException.class,
                () -> sessions.resolve(SessionCredential.bearer("YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY")));
    }

    @Test
    void garbageIsRefusedWithoutACall() {
        for (String garbage : new String[] {"", " ", "a b", "x".repeat(600), "tok\u0000en"}) {
            err(sessions.resolve(SessionCredential.bearer(garbage)));
        }
        assertEquals(0, betterAuth.calls());
    }

    private static String signed(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return token + "." + Base64.getEncoder().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResolvedSession ok(Result<ResolvedSession, SessionRefused> result) {
        return switch (result) {
            case Result.Ok<ResolvedSession, SessionRefused> ok -> ok.value();
            case Result.Err<ResolvedSession, SessionRefused> err -> fail("refused: " + err.error().reason());
        };
    }

    private static SessionRefused err(Result<ResolvedSession, SessionRefused> result) {
        return switch (result) {
            case Result.Err<ResolvedSession, SessionRefused> err -> err.error();
            case Result.Ok<ResolvedSession, SessionRefused> ok -> fail("accepted " + ok.value());
        };
    }
}
