package app.todo.adapter.out.token;

import app.todo.adapter.in.http.testing.TestTokens.KeyPairSigner;

import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.testing.MutableClock;
import app.todo.domain.user.IdentitySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The algorithm comes from the key, never from the token: the SAME key, presented under another
 * {@code alg}, is refused because of the algorithm, for every key type. Where the JDK can make it, the
 * signature is a real one for the header's algorithm, so that only the pinning rule stands in the way
 * (a verifier that let the token choose would accept it).
 */
class AlgorithmPinningTest {

    private static final String MISMATCH = "The token's algorithm does not match its key";
    private static KeyPairSigner rsa;
    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final JwksServer server = new JwksServer();
    private final JwksTokenVerifier verifier = new JwksTokenVerifier(
            new RemoteJwks(server.url(), clock, Duration.ofSeconds(30)),
            new ClaimsPolicy(clock, ClaimsPolicy.DEFAULT_SKEW, Optional.empty(), Optional.empty()), IdentitySource.JWKS);

    @BeforeAll
    static void makeRsaKey() {
        rsa = KeyPairSigner.rsa("rsa-pin");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anRsaKeyDeclaringRs256RefusesARealPs256Signature() {
        server.serving(KeyPairSigner.jwks(rsa.declaring("RS256")));

        assertEquals("u1", verifier.verify(rsa.token("RS256", claims())).userId(), "the key's own algorithm works");
        refusedForItsAlgorithm(rsa.token("PS256", claims()));
        refusedForItsAlgorithm(rsa.token("RS512", claims()));
    }

    @Test
    void anRsaKeyDeclaringPs256RefusesARealRs256Signature() {
        server.serving(KeyPairSigner.jwks(rsa.declaring("PS256")));

        assertEquals("u1", verifier.verify(rsa.token("PS256", claims())).userId(), "the key's own algorithm works");
        refusedForItsAlgorithm(rsa.token("RS256", claims()));
        refusedForItsAlgorithm(rsa.token("PS512", claims()));
    }

    @Test
    void aP256KeyRefusesRealEs384AndEs512Signatures() {
        KeyPairSigner p256 = KeyPairSigner.ec("p256", "secp256r1"); // no alg in the JWK: the curve decides
        server.serving(KeyPairSigner.jwks(p256));

        assertEquals("u1", verifier.verify(p256.token("ES256", claims())).userId(), "the curve's algorithm works");
        // SHA-384/512 with the P-256 key: valid ECDSA signatures, of the wrong JWS algorithm for the curve
        refusedForItsAlgorithm(p256.token("ES384", claims()));
        refusedForItsAlgorithm(p256.token("ES512", claims()));
    }

    @Test
    void anEd25519KeyRefusesEs256() {
        KeyPairSigner ed = KeyPairSigner.ed25519("ed-pin");
        server.serving(KeyPairSigner.jwks(ed));

        assertEquals("u1", verifier.verify(ed.token("EdDSA", claims())).userId(), "the key's own algorithm works");
        // An Ed25519 signature under an ES256 header: no ES256 signature can come from this key.
        refusedForItsAlgorithm(ed.sign("EdDSA", "{\"alg\":\"ES256\",\"kid\":\"ed-pin\"}", claims()));
    }

    @Test
    void hmacWithAnAsymmetricKeysPublicBytesIsRefusedBeforeAnyKeyIsUsed() throws Exception {
        server.serving(KeyPairSigner.jwks(rsa));
        byte[] publicBytes = rsa.pair().getPublic().getEncoded();
        for (JWSAlgorithm hmac : new JWSAlgorithm[]{JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512}) {
            SignedJWT confused = new SignedJWT(new JWSHeader.Builder(hmac).keyID("rsa-pin").build(),
                    JWTClaimsSet.parse(claims()));
            confused.sign(new MACSigner(Arrays.copyOf(publicBytes, Math.max(64, publicBytes.length))));

            InvalidAccessTokenException refused = assertThrows(InvalidAccessTokenException.class,
                    () -> verifier.verify(confused.serialize()));
            assertEquals("The token's algorithm is not accepted", refused.getMessage(), hmac.getName());
        }
        assertEquals(0, server.requests(), "an HMAC token costs no JWKS fetch");
    }

    private void refusedForItsAlgorithm(String token) {
        InvalidAccessTokenException refused = assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(token));
        assertEquals(MISMATCH, refused.getMessage(), "refused because of its algorithm, not its signature");
    }

    private String claims() {
        return TokenJson.claims(clock, "u1", "");
    }
}
