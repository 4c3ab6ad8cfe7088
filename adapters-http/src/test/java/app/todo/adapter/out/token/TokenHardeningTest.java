package app.todo.adapter.out.token;

import app.todo.adapter.in.http.testing.TestTokens.KeyPairSigner;

import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.testing.MutableClock;
import app.todo.domain.account.SigningKey;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.domain.user.IdentitySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every hostile token gets an {@link InvalidAccessTokenException} (a 401), never another exception, and no network call. */
class TokenHardeningTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";
    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final JwksServer server = new JwksServer();
    private final JwksServer jkuServer = new JwksServer();
    private final KeyPairSigner trusted = KeyPairSigner.ed25519("trusted").declaring("EdDSA");
    private final KeyPairSigner foreign = KeyPairSigner.ed25519("foreign");
    private final CompositeTokenVerifier verifier = verifier(SECRET);

    @AfterEach
    void stop() {
        server.close();
        jkuServer.close();
    }

    private CompositeTokenVerifier verifier(String secret) {
        server.serving(KeyPairSigner.jwks(trusted));
        return TokenVerifiers.builder(clock).sharedSecret(secret).jwksUrl(server.url())
                .ownKeys(OwnSigningKeys.of(TestTokens.newKey(clock))).build();
    }

    @Test
    void theTrustedKeyWorks() {
        assertEquals("u1", verifier.verify(trusted.token("EdDSA", claims())).userId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void unsignedTokensAreRefusedInAnyCasing(String alg) {
        String header = KeyPairSigner.b64("{\"alg\":\"" + alg + "\",\"kid\":\"trusted\"}");
        refused(header + "." + KeyPairSigner.b64(claims()) + ".");
        refused(header + "." + KeyPairSigner.b64(claims()));
        // an unsigned header glued onto a valid signature
        String valid = trusted.token("EdDSA", claims());
        refused(header + valid.substring(valid.indexOf('.')));
    }

    @Test
    void hmacSignedWithThePublicKeyIsRefused() throws Exception {
        byte[] x = Base64URL.from(trusted.publicJwk().toJSONObject().get("x").toString()).decode();
        for (byte[] publicBytes : new byte[][]{trusted.jwkJson().getBytes(StandardCharsets.UTF_8),
                trusted.pair().getPublic().getEncoded(), padTo32(x)}) {
            SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("trusted").build(),
                    JWTClaimsSet.parse(claims()));
            confused.sign(new MACSigner(padTo32(publicBytes)));
            refused(confused.serialize());
            assertThrows(InvalidAccessTokenException.class, () -> verifier(null).verify(confused.serialize()));
            JwksTokenVerifier direct = new JwksTokenVerifier(new RemoteJwks(server.url(), clock), policy(), IdentitySource.JWKS);
            assertThrows(InvalidAccessTokenException.class, () -> direct.verify(confused.serialize()));
        }
    }

    @Test
    void keyReferencesInTheTokenAreNeverFollowed() {
        jkuServer.serving(KeyPairSigner.jwks(foreign));
        String jku = jkuServer.url().toString();
        refused(foreign.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"foreign\",\"jku\":\"" + jku + "\"}", claims()));
        refused(foreign.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"trusted\",\"jku\":\"" + jku + "\"}", claims()));
        refused(foreign.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"foreign\",\"x5u\":\"" + jku + "\"}", claims()));
        refused(foreign.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"foreign\",\"jwk\":" + foreign.jwkJson() + "}", claims()));
        refused(foreign.sign("EdDSA", "{\"alg\":\"EdDSA\",\"jwk\":" + foreign.jwkJson() + "}", claims()));
        assertEquals(0, jkuServer.requests(), "a jku/x5u URL was fetched");
    }

    @Test
    void aForeignKeyWithATrustedKidIsRefused() {
        KeyPairSigner impostor = new KeyPairSigner("trusted", foreign.pair(), foreign.publicJwk());
        refused(impostor.token("EdDSA", claims()));
    }

    @Test
    void unknownCriticalHeadersAreRefused() {
        refused(trusted.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"trusted\",\"crit\":[\"exp\"],\"exp\":1}", claims()));
        refused(trusted.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"trusted\",\"crit\":[\"b64\"],\"b64\":true}", claims()));
        refused(hs256("{\"alg\":\"HS256\",\"crit\":[\"urn:x\"],\"urn:x\":1}"));
        assertEquals("u1", verifier.verify(hs256("{\"alg\":\"HS256\"}")).userId(), "the same HS256 token without crit");
    }

    @Test
    void aMissingOrUnknownKidIsRefused() {
        refused(trusted.sign("EdDSA", "{\"alg\":\"EdDSA\"}", claims()));
        refused(trusted.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"\"}", claims()));
        refused(KeyPairSigner.ed25519("unknown").token("EdDSA", claims()));
    }

    @Test
    void unsupportedAlgorithmsAreRefused() {
        refused(trusted.sign("EdDSA", "{\"alg\":\"Ed448\",\"kid\":\"trusted\"}", claims()));
        refused(trusted.sign("EdDSA", "{\"alg\":\"ES256K\",\"kid\":\"trusted\"}", claims()));
        refused(trusted.sign("EdDSA", "{\"alg\":\"XYZ\",\"kid\":\"trusted\"}", claims()));
        refused(trusted.sign("EdDSA", "{\"kid\":\"trusted\"}", claims()));
        refused(trusted.sign("EdDSA", "{\"alg\":\"EdDSA\",\"kid\":\"trusted\",\"typ\":\"JOSE+XML\"}", claims()));
    }

    @Test
    void oversizedTokensAreRefusedUnread() {
        String padded = trusted.token("EdDSA", TokenJson.claims(clock, "u1", ",\"pad\":\"" + "x".repeat(8 * 1024) + "\""));
        refused(padded);
        refused("x".repeat(1_000_000));
        assertEquals(0, server.requests(), "an oversized token caused a JWKS fetch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "a.b", "a.b.c", "a.b.c.d", "a.b.c.d.e", "...", "ey.ey.ey",
            "eyJhbGciOiJFZERTQSJ9", "bm90IGpzb24.e30.c2ln", "W10.e30.c2ln", "e30.e30.c2ln", "e30.bm90IGpzb24.",
            "eyJhbGciOiJFZERTQSIsImtpZCI6InRydXN0ZWQifQ.bm90IGpzb24.c2ln", "é.é.é", "\u0000.\u0000.\u0000"})
    void garbageIsRefused(String token) {
        refused(token);
    }

    @Test
    void nullIsRefused() {
        refused(null);
    }

    @Test
    void aValidSignatureOverNonJsonClaimsIsRefused() {
        refused(trusted.token("EdDSA", "not json"));
        refused(trusted.token("EdDSA", "[1,2]"));
    }

    @Test
    void hmacTokensAreRefusedWhenNoSecretIsConfigured() {
        CompositeTokenVerifier withoutSecret = verifier(null);
        assertThrows(InvalidAccessTokenException.class, () -> withoutSecret.verify(hs256("{\"alg\":\"HS256\"}")));
    }

    private String hs256(String header) {
        try {
            String input = KeyPairSigner.b64(header) + "." + KeyPairSigner.b64(claims());
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + Base64URL.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(String token) {
        InvalidAccessTokenException e = assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(token));
        assertFalse(token != null && token.length() > 10 && e.getMessage().contains(token), "the message echoes the token");
    }

    private ClaimsPolicy policy() {
        return new ClaimsPolicy(clock, ClaimsPolicy.DEFAULT_SKEW, java.util.Optional.empty(), java.util.Optional.empty());
    }

    private String claims() {
        return TokenJson.claims(clock, "u1", "");
    }

    private static byte[] padTo32(byte[] key) {
        return key.length >= 32 ? key : java.util.Arrays.copyOf(key, 32);
    }
}
