package app.todo.adapter.http.auth;

import app.todo.domain.user.IdentitySource;

import app.todo.domain.user.Role;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityEnvironment;
import io.helidon.security.SecurityResponse.SecurityStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider driven through Helidon Security itself, as SecurityFeature would drive it. */
class BearerAuthenticationProviderTest {

    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final OwnSigningKeys keys = OwnSigningKeys.of(SigningKey.generate(clock));
    private final Ed25519TokenIssuer issuer = new Ed25519TokenIssuer(keys, clock, Ed25519TokenIssuer.DEFAULT_TTL,
            Optional.empty(), Optional.empty());
    private final Security security = security(TokenVerifiers.builder(clock).ownKeys(keys).build());

    @Test
    void aValidTokenAuthenticatesTheUserWithRolesAndTheVerifiedToken() {
        SecurityContext context = context(security, Map.of("authorization",
                List.of("Bearer " + issuer.issue("u1", "a@b.c", "Ada").token())));

        assertEquals(SecurityStatus.SUCCESS, context.atnClientBuilder().submit().status());
        assertTrue(context.isAuthenticated());
        assertEquals("u1", context.userName());
        assertFalse(context.isUserInRole("admin"), "the application decides admin, from the stored role and trusted claims");
        assertTrue(context.isUserInRole("user"));
        assertEquals("a@b.c", context.user().flatMap(s -> s.publicCredential(VerifiedToken.class)).orElseThrow().email());
    }

    @Test
    void aMissingTokenIs401WithTheRealm() {
        for (Map<String, List<String>> headers : List.of(Map.<String, List<String>>of(),
                Map.of("Authorization", List.of("Basic dTpw")), Map.of("Authorization", List.of("Bearer ")))) {
            AuthenticationResponse response = context(security, headers).atnClientBuilder().submit();
            assertEquals(SecurityStatus.FAILURE, response.status());
            assertEquals(401, response.statusCode().orElseThrow());
            assertEquals(List.of(BearerAuthenticationProvider.REALM), response.responseHeaders().get("WWW-Authenticate"));
        }
    }

    @Test
    void anInvalidTokenIs401WithInvalidTokenAndNoEcho() {
        String forged = issuer.issue("u1", null, null).token() + "x";
        AuthenticationResponse response = context(security, Map.of("Authorization", List.of("Bearer " + forged)))
                .atnClientBuilder().submit();

        assertEquals(401, response.statusCode().orElseThrow());
        String challenge = response.responseHeaders().get("WWW-Authenticate").getFirst();
        assertTrue(challenge.startsWith("Bearer realm=\"todo\", error=\"invalid_token\", error_description=\""), challenge);
        assertFalse(challenge.contains(forged.substring(0, 20)));
    }

    /** Whether a banned claim counts depends on its source and configuration: the application decides, once. */
    @Test
    void aBannedClaimIsPassedOnForTheApplicationToJudge() {
        Security banning = security(token -> new VerifiedToken("u1", null, null, false, true,
                clock.instant().plusSeconds(60), IdentitySource.JWKS));

        SecurityContext context = context(banning, Map.of("Authorization", List.of("Bearer any")));

        assertEquals(SecurityStatus.SUCCESS, context.atnClientBuilder().submit().status());
        assertTrue(context.user().flatMap(s -> s.publicCredential(VerifiedToken.class)).orElseThrow().banned());
    }

    private static Security security(TokenVerifier verifier) {
        return Security.builder().addAuthenticationProvider(new BearerAuthenticationProvider(verifier), "todo-bearer").build();
    }

    private static SecurityContext context(Security security, Map<String, List<String>> headers) {
        SecurityContext context = security.createContext("test");
        context.env(SecurityEnvironment.builder().headers(headers).build());
        return context;
    }
}
