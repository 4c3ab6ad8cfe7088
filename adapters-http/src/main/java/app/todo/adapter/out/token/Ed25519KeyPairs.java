package app.todo.adapter.out.token;

import app.todo.domain.account.SigningKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The one place that knows the byte layout of the service's keys: makes key pairs in the form the key
 * store keeps them (Ed25519 from the JDK, the private half PKCS#8, the public half X.509
 * SubjectPublicKeyInfo, the {@code kid} its RFC 7638 JWK thumbprint, created at the second on the given
 * clock), and turns a stored public half back into its JWK for {@link OwnSigningKeys}.
 */
public final class Ed25519KeyPairs {

    /** The raw key is the last 32 bytes of an Ed25519 SubjectPublicKeyInfo (RFC 8410); 12 bytes precede it. */
    private static final int RAW_KEY_BYTES = 32;
    private static final int X509_BYTES = 44;

    private Ed25519KeyPairs() {
    }

    public static Supplier<SigningKey> generator(Clock clock) {
        return () -> {
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] publicKey = pair.getPublic().getEncoded();
                return new SigningKey(thumbprint(publicKey), pair.getPrivate().getEncoded(), publicKey,
                        clock.instant().truncatedTo(ChronoUnit.SECONDS));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
            }
        };
    }

    /**
     * The public half as a JWK, without {@code kid} or {@code alg}.
     *
     * @throws IllegalArgumentException when {@code x509} is not an Ed25519 SubjectPublicKeyInfo
     */
    static OctetKeyPair.Builder publicJwk(byte[] x509) {
        if (x509 == null || x509.length != X509_BYTES) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Arrays.copyOfRange(x509, X509_BYTES - RAW_KEY_BYTES, X509_BYTES)));
    }

    /** The RFC 7638 thumbprint of a public half: the {@code kid} of a key made here. */
    static String thumbprint(byte[] x509) {
        try {
            return publicJwk(x509).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
