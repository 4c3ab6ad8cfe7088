package app.todo.adapter.out.persistence.keys;

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
 * Makes the service's signing key pairs in the form the key store keeps them: Ed25519 (the JDK's), the
 * private half PKCS#8, the public half X.509 SubjectPublicKeyInfo, the {@code kid} its RFC 7638 JWK
 * thumbprint (Nimbus), created at the second on the given clock.
 */
public final class Ed25519KeyPairs {

    /** The raw key is the last 32 bytes of an Ed25519 SubjectPublicKeyInfo (RFC 8410). */
    private static final int RAW_KEY_BYTES = 32;

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

    private static String thumbprint(byte[] x509) {
        byte[] raw = Arrays.copyOfRange(x509, x509.length - RAW_KEY_BYTES, x509.length);
        try {
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
