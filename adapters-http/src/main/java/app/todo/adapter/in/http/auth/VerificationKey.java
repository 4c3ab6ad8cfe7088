package app.todo.adapter.in.http.auth;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A public key with the algorithms it may verify. The set comes from the key itself (its type and curve,
 * narrowed by the JWK's own {@code alg}), never from a token, so a token cannot choose how it is checked.
 * Verification uses the JDK's providers (Ed25519 included), which need no extra library.
 */
public record VerificationKey(String kid, Set<JWSAlgorithm> algorithms, PublicKey publicKey) {

    /** Ed25519 is spelled {@code EdDSA} (RFC 8037) or {@code Ed25519} (RFC 9864); both mean the same here. */
    static final Set<JWSAlgorithm> ED25519 = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    private static final int MIN_RSA_BITS = 2048;
    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public VerificationKey {
        Objects.requireNonNull(kid, "kid");
        algorithms = Set.copyOf(algorithms);
        Objects.requireNonNull(publicKey, "publicKey");
    }

    public boolean accepts(JWSAlgorithm algorithm) {
        return algorithms.contains(algorithm);
    }

    /** Checks a JWS signature; any malformed input is simply "not valid". */
    public boolean verify(JWSAlgorithm algorithm, byte[] signingInput, byte[] signature) {
        if (!accepts(algorithm)) {
            return false;
        }
        try {
            Signature verifier = signatureFor(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The key a JWK describes, if it is one tokens may be verified with: a signing key with a {@code kid},
     * of a supported type, and whose declared {@code alg} (if any) fits its type. Anything else is skipped.
     */
    public static Optional<VerificationKey> fromJwk(JWK jwk) {
        if (jwk.getKeyID() == null || jwk.getKeyID().isEmpty()
                || jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())
                || jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return Optional.empty();
        }
        try {
            Set<JWSAlgorithm> family;
            PublicKey key;
            switch (jwk) {
                case OctetKeyPair okp when Curve.Ed25519.equals(okp.getCurve()) -> {
                    family = ED25519;
                    key = ed25519PublicKey(okp.getDecodedX());
                }
                case ECKey ec when Curve.P_256.equals(ec.getCurve()) -> {
                    family = Set.of(JWSAlgorithm.ES256);
                    key = ec.toECPublicKey();
                }
                case ECKey ec when Curve.P_384.equals(ec.getCurve()) -> {
                    family = Set.of(JWSAlgorithm.ES384);
                    key = ec.toECPublicKey();
                }
                case ECKey ec when Curve.P_521.equals(ec.getCurve()) -> {
                    family = Set.of(JWSAlgorithm.ES512);
                    key = ec.toECPublicKey();
                }
                case RSAKey rsa when rsa.size() >= MIN_RSA_BITS -> {
                    family = RSA;
                    key = rsa.toRSAPublicKey();
                }
                default -> {
                    return Optional.empty(); // oct (HMAC) keys among them: never usable for JWKS tokens
                }
            }
            Set<JWSAlgorithm> allowed = narrow(family, jwk.getAlgorithm());
            return allowed.isEmpty() ? Optional.empty() : Optional.of(new VerificationKey(jwk.getKeyID(), allowed, key));
        } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The Ed25519 public key whose raw 32 bytes are {@code x}. */
    public static PublicKey ed25519PublicKey(byte[] x) throws GeneralSecurityException {
        if (x == null || x.length != 32) {
            throw new GeneralSecurityException("an Ed25519 public key has 32 bytes");
        }
        byte[] der = new byte[ED25519_X509_PREFIX.length + x.length];
        System.arraycopy(ED25519_X509_PREFIX, 0, der, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(x, 0, der, ED25519_X509_PREFIX.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    private static Set<JWSAlgorithm> narrow(Set<JWSAlgorithm> family, Algorithm declared) {
        if (declared == null) {
            return family;
        }
        JWSAlgorithm alg = JWSAlgorithm.parse(declared.getName());
        if (!family.contains(alg)) {
            return Set.of();
        }
        return family.equals(ED25519) ? ED25519 : Set.of(alg);
    }

    private static Signature signatureFor(JWSAlgorithm alg) throws GeneralSecurityException {
        // JWS ECDSA signatures are the raw R||S concatenation (P1363), not DER.
        return switch (alg.getName()) {
            case "EdDSA", "Ed25519" -> Signature.getInstance("Ed25519");
            case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case "ES384" -> Signature.getInstance("SHA384withECDSAinP1363Format");
            case "ES512" -> Signature.getInstance("SHA512withECDSAinP1363Format");
            case "RS256" -> Signature.getInstance("SHA256withRSA");
            case "RS384" -> Signature.getInstance("SHA384withRSA");
            case "RS512" -> Signature.getInstance("SHA512withRSA");
            case "PS256" -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case "PS384" -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case "PS512" -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            default -> throw new GeneralSecurityException("unsupported algorithm");
        };
    }

    private static Signature pss(String digest, MGF1ParameterSpec mgf, int saltLength) throws GeneralSecurityException {
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec(digest, "MGF1", mgf, saltLength, 1));
        return pss;
    }
}
