package app.todo.adapter.out.token;

import app.todo.adapter.in.http.testing.TestTokens.KeyPairSigner;

import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.port.out.IdentityProviderUnavailableException;
import app.todo.application.testing.MutableClock;
import app.todo.domain.user.IdentitySource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwksTokenVerifierTest {

    private static KeyPairSigner rsa;
    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final JwksServer server = new JwksServer();
    private final RemoteJwks remote = new RemoteJwks(server.url(), clock, Duration.ofSeconds(30));
    private final JwksTokenVerifier verifier = new JwksTokenVerifier(remote,
            new ClaimsPolicy(clock, ClaimsPolicy.DEFAULT_SKEW, Optional.empty(), Optional.empty()), IdentitySource.JWKS);

    @BeforeAll
    static void makeRsaKey() {
        rsa = KeyPairSigner.rsa("rsa-1"); // slow to make: one for the class
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of("EdDSA", KeyPairSigner.ed25519("ed-1")),
                Arguments.of("Ed25519", KeyPairSigner.ed25519("ed-2")),
                Arguments.of("ES256", KeyPairSigner.ec("ec-256", "secp256r1")),
                Arguments.of("ES384", KeyPairSigner.ec("ec-384", "secp384r1")),
                Arguments.of("ES512", KeyPairSigner.ec("ec-521", "secp521r1")),
                Arguments.of("RS256", rsa),
                Arguments.of("RS512", rsa),
                Arguments.of("PS256", rsa),
                Arguments.of("PS512", rsa));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void acceptsEachAsymmetricAlgorithmWithARealSignature(String alg, KeyPairSigner signer) {
        server.serving(KeyPairSigner.jwks(signer));

        VerifiedAccessToken token = verifier.verify(signer.token(alg, claims("user-" + alg)));

        assertEquals("user-" + alg, token.userId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void refusesATamperedSignature(String alg, KeyPairSigner signer) {
        server.serving(KeyPairSigner.jwks(signer));
        String token = signer.token(alg, claims("u1"));
        String forged = token.substring(0, token.indexOf('.') + 1) + KeyPairSigner.b64(claims("someone-else"))
                + token.substring(token.lastIndexOf('.'));

        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(forged));
    }

    @Test
    void acceptsBetterAuthsRealTokenShape() {
        KeyPairSigner betterAuth = KeyPairSigner.ed25519("Xv2bQk9TfLm3Rz8WcJp4Ns7Hd1Ya6Ge0");
        server.serving(KeyPairSigner.jwks(betterAuth.declaring("EdDSA")));
        long iat = clock.instant().getEpochSecond();
        String claims = """
                {"sub":"3fHk0sLq9vX2aB7cD8eF9gH0iJ1kL2mN","id":"3fHk0sLq9vX2aB7cD8eF9gH0iJ1kL2mN",
                 "email":"ada@example.com","name":"Ada","emailVerified":true,"image":null,
                 "createdAt":"2026-11-01T10:00:00.000Z","updatedAt":"2026-11-20T10:00:00.000Z",
                 "iat":%d,"exp":%d,"iss":"http://localhost:3000","aud":["http://localhost:3000"]}"""
                .formatted(iat, iat + 900);
        JwksTokenVerifier strict = new JwksTokenVerifier(remote, new ClaimsPolicy(clock, ClaimsPolicy.DEFAULT_SKEW,
                Optional.of("http://localhost:3000"), Optional.of("http://localhost:3000")), IdentitySource.JWKS);

        VerifiedAccessToken token = strict.verify(betterAuth.sign("EdDSA",
                "{\"alg\":\"EdDSA\",\"kid\":\"Xv2bQk9TfLm3Rz8WcJp4Ns7Hd1Ya6Ge0\"}", claims));

        assertEquals("3fHk0sLq9vX2aB7cD8eF9gH0iJ1kL2mN", token.userId());
        assertEquals("ada@example.com", token.email());
        assertEquals("Ada", token.name());
        assertEquals(clock.instant().plusSeconds(900), token.expiresAt());
    }

    @Test
    void aKeyRotationIsPickedUpAfterTheRefetchIntervalAndRemovedKeysStopWorking() {
        KeyPairSigner old = loaded("old");
        KeyPairSigner next = KeyPairSigner.ed25519("new");

        server.serving(KeyPairSigner.jwks(next));
        clock.advance(Duration.ofSeconds(30));

        assertEquals("u2", verifier.verify(next.token("EdDSA", claims("u2"))).userId());
        assertEquals(2, server.requests());
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(old.token("EdDSA", claims("u1"))));
        assertEquals(2, server.requests(), "the removed kid is unknown again, but the interval has not passed");
    }

    @Test
    void anUnknownKidRefetchesAtMostOncePerInterval() {
        KeyPairSigner known = loaded("known");
        KeyPairSigner stranger = KeyPairSigner.ed25519("stranger");
        assertEquals(1, server.requests());
        clock.advance(Duration.ofSeconds(31));

        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(stranger.token("EdDSA", claims("u1"))));
        assertEquals(2, server.requests(), "an unknown kid refetches once");

        clock.advance(Duration.ofSeconds(29));
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(KeyPairSigner.ed25519("other")
                .token("EdDSA", claims("u1"))));
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(stranger.token("EdDSA", claims("u1"))));
        verifier.verify(known.token("EdDSA", claims("u1")));
        assertEquals(2, server.requests(), "no fetch within 30 s of the last one");

        clock.advance(Duration.ofSeconds(1));
        server.serving(KeyPairSigner.jwks(known, stranger));
        assertEquals("u3", verifier.verify(stranger.token("EdDSA", claims("u3"))).userId());
        assertEquals(3, server.requests());
    }

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of("HTTP 500", (java.util.function.Consumer<JwksServer>) s -> s.failing(500, "oops")),
                Arguments.of("HTTP 404", (java.util.function.Consumer<JwksServer>) s -> s.failing(404, "{\"keys\":[]}")),
                Arguments.of("not JSON", (java.util.function.Consumer<JwksServer>) s -> s.serving("<html>down</html>")),
                Arguments.of("no keys member", (java.util.function.Consumer<JwksServer>) s -> s.serving("{\"nokeys\":[]}")),
                Arguments.of("oversized", (java.util.function.Consumer<JwksServer>) s -> s.serving(
                        "{\"keys\":[],\"pad\":\"" + "x".repeat(RemoteJwks.MAX_RESPONSE_BYTES) + "\"}")),
                Arguments.of("server stopped", (java.util.function.Consumer<JwksServer>) JwksServer::close));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void knownKeysKeepWorkingThroughAnOutage(String name, java.util.function.Consumer<JwksServer> outage) {
        KeyPairSigner known = loaded("known");

        outage.accept(server);
        clock.advance(Duration.ofMinutes(5));

        // Unknown because the set cannot be fetched: unavailable (a 503), never "unknown key" (a 401 signs users out).
        assertThrows(IdentityProviderUnavailableException.class, () -> verifier.verify(KeyPairSigner.ed25519("new")
                .token("EdDSA", claims("u1"))));
        assertEquals("u1", verifier.verify(known.token("EdDSA", claims("u1"))).userId());
        assertEquals(java.util.List.of("known"), remote.knownKids());
    }

    @Test
    void aDeclaredAlgAcceptsOnlyThatAlgorithm() {
        KeyPairSigner p256 = KeyPairSigner.ec("pinned", "secp256r1").declaring("ES256");
        KeyPairSigner p521 = KeyPairSigner.ec("pinned", "secp521r1");
        KeyPairSigner rsaSameKid = new KeyPairSigner("pinned", rsa.pair(), rsa.publicJwk());
        server.serving(KeyPairSigner.jwks(p256));

        assertEquals("u1", verifier.verify(p256.token("ES256", claims("u1"))).userId());
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(p521.token("ES512", claims("u1"))));
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(rsaSameKid.token("RS256", claims("u1"))));
    }

    @Test
    void anRsaKeyDeclaringRs256RefusesPs256() {
        server.serving(KeyPairSigner.jwks(rsa.declaring("RS256")));

        assertEquals("u1", verifier.verify(rsa.token("RS256", claims("u1"))).userId());
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(rsa.token("PS256", claims("u1"))));
    }

    @Test
    void anEd25519KeyDeclaringEitherSpellingAcceptsBoth() {
        KeyPairSigner ed = KeyPairSigner.ed25519("ed").declaring("Ed25519");
        server.serving(KeyPairSigner.jwks(ed));

        verifier.verify(ed.token("EdDSA", claims("u1")));
        verifier.verify(ed.token("Ed25519", claims("u1")));
    }

    @Test
    void keysThatCannotVerifyAreSkippedWithoutLosingTheOthers() {
        KeyPairSigner good = KeyPairSigner.ed25519("good");
        KeyPairSigner misdeclared = KeyPairSigner.ed25519("misdeclared").declaring("ES256");
        server.serving("{\"keys\":[" + good.jwkJson() + "," + misdeclared.jwkJson()
                + ",{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"broken\",\"x\":\"AAAA\"}"
                + ",{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"}"
                + ",{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"enc\",\"use\":\"enc\",\"x\":\"" + "A".repeat(43)
                + "\",\"y\":\"" + "A".repeat(43) + "\"}"
                + ",{\"kty\":\"weird\",\"kid\":\"weird\"}]}");

        verifier.verify(good.token("EdDSA", claims("u1")));
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(misdeclared.token("EdDSA", claims("u1"))));
        assertEquals(java.util.List.of("good"), remote.knownKids());
    }

    /**
     * A key set of the wrong shape (a compromised or misconfigured identity provider) is an outage or a set without
     * that key: a token of a kid it cannot hold is a 503 or a 401, never another exception (a 500).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"null", "[]", "5", "\"keys\"", "{\"keys\":5}",
            "{\"keys\":null}", "{\"keys\":{}}", "{\"keys\":[null,5,\"x\",[],{}]}", "{\"keys\":[{\"kty\":5}]}",
            "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":5,\"x\":\"AAAA\"}]}",
            "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"r\",\"n\":\"%%%\",\"e\":\"AQAB\"}]}",
            "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"e\",\"x\":\"AA\",\"y\":\"AA\"}]}"})
    void aKeySetOfTheWrongShapeIsAnOutageOrAnUnknownKeyNeverAFailure(String document) {
        server.serving(document);
        // Tokens naming the broken keys' kids too, so that a broken key would be selected if it were kept.
        for (String token : java.util.List.of(KeyPairSigner.ed25519("new").token("EdDSA", claims("u1")),
                new KeyPairSigner("r", rsa.pair(), rsa.publicJwk()).token("RS256", claims("u1")),
                KeyPairSigner.ec("e", "secp256r1").token("ES256", claims("u1")))) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> verifier.verify(token));

            assertTrue(refused instanceof InvalidAccessTokenException || refused instanceof IdentityProviderUnavailableException,
                    () -> document + " gave " + refused);
        }
    }

    @Test
    void refreshCanBeCalledAtStartAndReportsFailure() {
        KeyPairSigner known = KeyPairSigner.ed25519("known");
        server.serving(KeyPairSigner.jwks(known));
        assertTrue(remote.refresh());
        server.failing(503, "");
        assertEquals(false, remote.refresh());
        assertEquals(java.util.List.of("known"), remote.knownKids());
    }

    @Test
    void aKeySetThatWasNeverFetchedIsUnavailableNotAnUnknownKey() {
        KeyPairSigner signer = KeyPairSigner.ed25519("first");
        server.failing(503, "starting");

        assertThrows(IdentityProviderUnavailableException.class, () -> verifier.verify(signer.token("EdDSA", claims("u1"))));

        server.serving(KeyPairSigner.jwks(signer));
        clock.advance(Duration.ofSeconds(31));
        assertEquals("u1", verifier.verify(signer.token("EdDSA", claims("u1"))).userId());
    }

    @Test
    void anUnknownKidIsStillAnUnknownKeyWhenTheSetWasFetched() {
        loaded("known");
        InvalidAccessTokenException refused = assertThrows(InvalidAccessTokenException.class,
                () -> verifier.verify(KeyPairSigner.ed25519("stranger").token("EdDSA", claims("u1"))));
        assertEquals("The token's signing key is not known", refused.getMessage());
    }

    /** A key the server publishes and the verifier has already used once (one JWKS request so far). */
    private KeyPairSigner loaded(String kid) {
        KeyPairSigner signer = KeyPairSigner.ed25519(kid);
        server.serving(KeyPairSigner.jwks(signer));
        verifier.verify(signer.token("EdDSA", claims("u1")));
        return signer;
    }

    /** Trust review finding 7: one deadline for connect, headers and body, and no lock held meanwhile. */
    @Test
    void aServerThatStallsAfterItsHeadersDelaysAnUnknownKidByTheFetchDeadlineAtMost() {
        KeyPairSigner signer = KeyPairSigner.ed25519("stalled");
        server.stallingAfterHeaders(KeyPairSigner.jwks(signer));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThrows(IdentityProviderUnavailableException.class,
                    () -> verifier.verify(signer.token("EdDSA", claims("u1"))));
        }, "the old fetch waited for the body without a deadline (25 s and more)");
    }

    /** Trust review finding 7: a key that leaves the set stops verifying, cached tokens included. */
    @Test
    void aKeyRemovedFromTheSetStopsVerifyingOnceTheSetIsOlderThanItsMaximumAge() {
        KeyPairSigner leaving = KeyPairSigner.ed25519("leaving");
        KeyPairSigner staying = KeyPairSigner.ed25519("staying");
        server.serving(KeyPairSigner.jwks(leaving, staying));
        AccessTokenVerifier cached = TokenVerifiers.builder(clock).jwksUrl(server.url()).build();
        String token = leaving.token("EdDSA", claims("u1")); // valid 15 minutes
        assertEquals("u1", cached.verify(token).userId());
        assertEquals("u1", cached.verify(token).userId(), "served from the cache");

        server.serving(KeyPairSigner.jwks(staying));
        clock.advance(RemoteJwks.DEFAULT_MAX_AGE.minusSeconds(1));
        assertEquals("u1", cached.verify(token).userId(), "within the maximum age the known set holds");
        clock.advance(Duration.ofSeconds(2));

        assertThrows(InvalidAccessTokenException.class, () -> cached.verify(token));
    }

    private String claims(String sub) {
        return TokenJson.claims(clock, sub, "");
    }
}
