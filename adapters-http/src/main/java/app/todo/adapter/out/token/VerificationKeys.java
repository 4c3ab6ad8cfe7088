package app.todo.adapter.out.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

import java.util.Set;

/**
 * Which published keys verify tokens, and with which algorithms: the algorithm comes from the key (its type
 * and curve, narrowed by the JWK's own {@code alg}), never from the token, so a token cannot choose how it is
 * checked (docs/rules.md §1, algorithm pinning). The signature itself is Nimbus's verifier for the key type
 * (Ed25519 through Tink).
 *
 * <p>Hand-written, in about twenty lines, because Nimbus's {@code JWKMatcher.forJWSHeader} treats the two
 * spellings of Ed25519 ({@code EdDSA}, RFC 8037; {@code Ed25519}, RFC 9864) as different algorithms, has no
 * minimum RSA size for verification, and its {@code DefaultJWTProcessor} cannot select Ed25519 keys at all
 * ({@code KeyConverter} skips {@link OctetKeyPair}).
 */
public final class VerificationKeys {

    /** Ed25519 is spelled {@code EdDSA} (RFC 8037) or {@code Ed25519} (RFC 9864); both mean the same here. */
    static final Set<JWSAlgorithm> ED25519 = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    private static final int MIN_RSA_BITS = 2048;
    private static final int ED25519_PUBLIC_KEY_BYTES = 32;
    private static final Set<Curve> EC_CURVES = Set.of(Curve.P_256, Curve.P_384, Curve.P_521);

    private VerificationKeys() {
    }

    /** Whether a token with this algorithm is one for a public key at all. */
    public static boolean isAsymmetric(JWSAlgorithm alg) {
        return ED25519.contains(alg) || JWSAlgorithm.Family.EC.contains(alg) || JWSAlgorithm.Family.RSA.contains(alg);
    }

    /**
     * Whether a published JWK may verify tokens at all: a signing key with a {@code kid}, of a supported type and
     * size, whose declared {@code alg} (if any) fits its type. A JWK set keeps only these.
     */
    public static boolean usable(JWK jwk) {
        if (jwk.getKeyID() == null || jwk.getKeyID().isEmpty()
                || jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())
                || jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return false;
        }
        boolean supported = switch (jwk) {
            case OctetKeyPair okp -> Curve.Ed25519.equals(okp.getCurve())
                    && okp.getDecodedX().length == ED25519_PUBLIC_KEY_BYTES;
            case ECKey ec -> EC_CURVES.contains(ec.getCurve());
            case RSAKey rsa -> rsa.size() >= MIN_RSA_BITS;
            default -> false; // oct (HMAC) keys among them: never usable for public-key tokens
        };
        return supported && (jwk.getAlgorithm() == null || accepts(jwk, JWSAlgorithm.parse(jwk.getAlgorithm().getName())));
    }

    /** Whether {@code key} may verify a token signed with {@code alg}. */
    public static boolean accepts(JWK key, JWSAlgorithm alg) {
        boolean family = switch (key) {
            case OctetKeyPair okp -> Curve.Ed25519.equals(okp.getCurve()) && ED25519.contains(alg);
            case ECKey ec -> JWSAlgorithm.Family.EC.contains(alg) && Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
            case RSAKey ignored -> JWSAlgorithm.Family.RSA.contains(alg);
            default -> false;
        };
        if (!family || key.getAlgorithm() == null) {
            return family;
        }
        JWSAlgorithm declared = JWSAlgorithm.parse(key.getAlgorithm().getName());
        return declared.equals(alg) || ED25519.contains(declared) && ED25519.contains(alg);
    }

    /** Nimbus's verifier for a key {@link #usable} accepted. */
    static JWSVerifier verifier(JWK key) throws JOSEException {
        return switch (key) {
            case OctetKeyPair okp -> new Ed25519Verifier(okp.toPublicJWK());
            case ECKey ec -> new ECDSAVerifier(ec.toPublicJWK());
            case RSAKey rsa -> new RSASSAVerifier(rsa.toPublicJWK());
            default -> throw new JOSEException("no verifier for key type " + key.getKeyType());
        };
    }
}
