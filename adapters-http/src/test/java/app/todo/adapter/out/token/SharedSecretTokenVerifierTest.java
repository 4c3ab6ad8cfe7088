package app.todo.adapter.out.token;

import app.todo.adapter.in.http.testing.TestTokens.KeyPairSigner;

import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.testing.MutableClock;
import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedSecretTokenVerifierTest {

    /** 64 bytes, longer than the 32-byte minimum, as many deployments use. */
    private static final String SECRET = "0123456789abcdef".repeat(4);
    private final MutableClock clock = MutableClock.at("2026-11-23T17:35:00Z");
    private final ClaimsPolicy policy = new ClaimsPolicy(clock, ClaimsPolicy.DEFAULT_SKEW, Optional.empty(), Optional.empty());
    private final SharedSecretTokenVerifier verifier = new SharedSecretTokenVerifier(SECRET, policy);

    @Test
    void aSecretShorterThan32BytesIsRefusedAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SharedSecretTokenVerifier("x".repeat(31), policy));
        assertTrue(e.getMessage().contains("32"));
        assertFalse(e.getMessage().contains("x".repeat(31)), "the message shows the secret");
        assertThrows(IllegalArgumentException.class, () -> new SharedSecretTokenVerifier(null, policy));
        assertThrows(IllegalArgumentException.class, () -> TokenVerifiers.builder(clock).sharedSecret("short").build());
        new SharedSecretTokenVerifier("x".repeat(32), policy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void eachHmacAlgorithmIsAcceptedWithoutAKid(String alg) throws Exception {
        String token = sign(JWSAlgorithm.parse(alg), SECRET, "{\"sub\":\"u1\",\"exp\":" + (now() + 900) + "}");
        assertEquals("u1", verifier.verify(token).userId());
        assertEquals("u1", TokenVerifiers.builder(clock).sharedSecret(SECRET).build().verify(token).userId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void aThirtyTwoByteSecretServesEveryHmacAlgorithmAsTheContractPromises(String alg) throws Exception {
        String secret32 = "x".repeat(32);
        String claims = "{\"sub\":\"u1\",\"exp\":" + (now() + 900) + "}";
        SharedSecretTokenVerifier shortSecretVerifier = new SharedSecretTokenVerifier(secret32, policy);
        assertEquals("u1", shortSecretVerifier.verify(sign(JWSAlgorithm.parse(alg), secret32, claims)).userId());
        assertThrows(InvalidAccessTokenException.class,
                () -> shortSecretVerifier.verify(sign(JWSAlgorithm.parse(alg), "y".repeat(32), claims)));
    }

    @Test
    void theUserIdFallsBackFromSubToIdToUserId() throws Exception {
        String exp = "\"exp\":" + (now() + 900);
        assertEquals("i", verifier.verify(sign(JWSAlgorithm.HS256, SECRET, "{\"id\":\"i\"," + exp + "}")).userId());
        assertEquals("u", verifier.verify(sign(JWSAlgorithm.HS256, SECRET, "{\"user_id\":\"u\"," + exp + "}")).userId());
    }

    @Test
    void aWrongSecretOrAnAsymmetricAlgIsRefused() throws Exception {
        String claims = "{\"sub\":\"u1\",\"exp\":" + (now() + 900) + "}";
        assertThrows(InvalidAccessTokenException.class,
                () -> verifier.verify(sign(JWSAlgorithm.HS256, SECRET + "-other", claims)));
        String edToken = KeyPairSigner.ed25519("k").token("EdDSA", claims);
        assertThrows(InvalidAccessTokenException.class, () -> verifier.verify(edToken));
    }

    @Test
    void anExpiredHmacTokenIsRefused() throws Exception {
        assertThrows(InvalidAccessTokenException.class,
                () -> verifier.verify(sign(JWSAlgorithm.HS256, SECRET, "{\"sub\":\"u1\",\"exp\":" + (now() - 61) + "}")));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** Signed with the JDK's Mac, which (unlike Nimbus's signer) also accepts a key shorter than the hash. */
    private static String sign(JWSAlgorithm alg, String secret, String claims) throws Exception {
        String input = KeyPairSigner.b64("{\"alg\":\"" + alg.getName() + "\"}") + "." + KeyPairSigner.b64(claims);
        String jdkName = "Hmac" + alg.getName().replace("HS", "SHA");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance(jdkName);
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), jdkName));
        return input + "." + com.nimbusds.jose.util.Base64URL.encode(mac.doFinal(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
