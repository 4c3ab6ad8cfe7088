package app.todo.adapter.in.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * One of the service's own Ed25519 signing keys, in the form the database keeps it: the kid
 * (RFC 7638 thumbprint, base64url), the private key as PKCS#8 DER, the public key as X.509 DER, and when it
 * was made. The constructor proves the halves belong together, so a damaged row fails at start, not at sign-in.
 * A retired key may come without its private half ({@code privateKeyPkcs8} null): it only verifies.
 */
public record SigningKey(String kid, byte[] privateKeyPkcs8, byte[] publicKeyX509, Instant createdAt) {

    private static final int RAW_KEY_BYTES = 32;

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(createdAt, "createdAt");
        privateKeyPkcs8 = privateKeyPkcs8 == null ? null : privateKeyPkcs8.clone();
        publicKeyX509 = Objects.requireNonNull(publicKeyX509, "publicKeyX509").clone();
        proveHalvesMatch(privateKeyPkcs8, publicKeyX509);
        if (!kid.equals(thumbprint(publicKeyX509))) {
            throw new IllegalArgumentException("the signing key's kid is not the thumbprint of its public key");
        }
    }

    private static void proveHalvesMatch(byte[] privateKeyPkcs8, byte[] publicKeyX509) {
        try {
            PublicKey publicKey = publicKey(publicKeyX509);
            if (privateKeyPkcs8 == null) {
                return;
            }
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey(privateKeyPkcs8));
            byte[] probe = "signing key self-test".getBytes(StandardCharsets.US_ASCII);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("the signing key's private and public halves do not match");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the signing key is not a valid Ed25519 key pair", e);
        }
    }

    /** A fresh key pair, for tests and tools: the service's own keys are made by the key store's adapter. */
    public static SigningKey generate(Clock clock) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] publicKey = pair.getPublic().getEncoded();
            return new SigningKey(thumbprint(publicKey), pair.getPrivate().getEncoded(), publicKey,
                    clock.instant().truncatedTo(ChronoUnit.SECONDS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    /** The PKCS#8 bytes, or null for a key that only verifies. */
    @Override
    public byte[] privateKeyPkcs8() {
        return privateKeyPkcs8 == null ? null : privateKeyPkcs8.clone();
    }

    public boolean canSign() {
        return privateKeyPkcs8 != null;
    }

    @Override
    public byte[] publicKeyX509() {
        return publicKeyX509.clone();
    }

    PrivateKey privateKey() {
        if (privateKeyPkcs8 == null) {
            throw new IllegalStateException("key " + kid + " only verifies");
        }
        try {
            return privateKey(privateKeyPkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("checked at construction", e);
        }
    }

    /** The public half as a JWK, as {@code /api/auth/jwks} publishes it. */
    public OctetKeyPair publicJwk() {
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw(publicKeyX509)))
                .keyID(kid).algorithm(JWSAlgorithm.EdDSA).keyUse(KeyUse.SIGNATURE).build();
    }

    /** The public half as the JDK's key. */
    public PublicKey publicKey() {
        try {
            return publicKey(publicKeyX509);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("checked at construction", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that && kid.equals(that.kid) && createdAt.equals(that.createdAt)
                && Arrays.equals(publicKeyX509, that.publicKeyX509) && Arrays.equals(privateKeyPkcs8, that.privateKeyPkcs8);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, createdAt, Arrays.hashCode(publicKeyX509));
    }

    /** Never shows the private key. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + "]";
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        if (x509.length != 44) { // 12-byte SubjectPublicKeyInfo prefix + 32-byte key: anything else is not Ed25519
            throw new GeneralSecurityException("not an Ed25519 public key");
        }
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }

    private static byte[] raw(byte[] x509) {
        return Arrays.copyOfRange(x509, x509.length - RAW_KEY_BYTES, x509.length);
    }

    private static String thumbprint(byte[] x509) {
        try {
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw(x509))).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
