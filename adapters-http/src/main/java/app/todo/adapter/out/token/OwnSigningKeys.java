package app.todo.adapter.out.token;

import app.todo.application.service.SigningKeyRing;
import app.todo.domain.account.SigningKey;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The service's own Ed25519 keys: the newest signs, all of them verify (so tokens signed before a rotation
 * stay valid until they expire), and their public halves are the JWK set served at {@code /api/auth/jwks}.
 * Either a fixed set, or the keys of a {@link SigningKeyRing}, which rotate (docs/rules.md §2).
 *
 * <p>The keys arrive as the key store keeps them ({@link SigningKey}: PKCS#8 and X.509 bytes, the {@code kid}
 * their RFC 7638 thumbprint); each set is turned once into JWKs and a parsed private key, and a damaged key
 * (halves that do not belong together, a {@code kid} that is not the thumbprint) is refused then.
 */
public final class OwnSigningKeys implements PublicKeySource {

    /** What the keys of one moment make: derived once per set, since sets change only on rotation. */
    private record View(String currentKid, PrivateKey currentPrivateKey, Map<String, JWK> verificationKeys,
                        String jwksJson) {

        static View of(SigningKey current, List<SigningKey> keys) {
            List<JWK> publicJwks = keys.stream().<JWK>map(OwnSigningKeys::publicJwk).toList();
            Map<String, JWK> verification = publicJwks.stream()
                    .collect(Collectors.toUnmodifiableMap(JWK::getKeyID, Function.identity(), (a, b) -> a));
            return new View(current.kid(), signingHalf(current), verification, new JWKSet(publicJwks).toString(true));
        }
    }

    private final Supplier<View> view;
    private final Function<String, View> viewKnowing;

    private OwnSigningKeys(Supplier<View> view, Function<String, View> viewKnowing) {
        this.view = view;
        this.viewKnowing = viewKnowing;
    }

    /** A fixed set; the newest key that can sign signs. */
    public OwnSigningKeys(List<SigningKey> keys) {
        this(fixed(keys));
    }

    private OwnSigningKeys(View fixed) {
        this(() -> fixed, kid -> fixed);
    }

    private static View fixed(List<SigningKey> keys) {
        SigningKey current = keys.stream().filter(SigningKey::canSign).max(Comparator.comparing(SigningKey::createdAt))
                .orElseThrow(() -> new IllegalArgumentException("at least one signing key that can sign is needed"));
        return View.of(current, keys);
    }

    public static OwnSigningKeys of(SigningKey... keys) {
        return new OwnSigningKeys(List.of(keys));
    }

    /** The ring's keys as they rotate; a kid not known here makes the ring look again (another instance may have rotated). */
    public static OwnSigningKeys rotating(SigningKeyRing ring) {
        ViewCache cache = new ViewCache();
        return new OwnSigningKeys(() -> cache.of(ring.keys()), kid -> cache.of(ring.keysKnowing(kid)));
    }

    @Override
    public Optional<JWK> find(String kid) {
        JWK key = view.get().verificationKeys().get(kid);
        return key != null ? Optional.of(key) : Optional.ofNullable(viewKnowing.apply(kid).verificationKeys().get(kid));
    }

    /** Only the keys known now: the verified-token cache asks this on every hit, which must stay cheap. */
    @Override
    public boolean holds(String kid) {
        return view.get().verificationKeys().containsKey(kid);
    }

    /** {@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":…,"kid":…,"alg":"EdDSA","use":"sig"}]}}: public halves only. */
    public String jwksJson() {
        return view.get().jwksJson();
    }

    /**
     * A key's public half as {@code /api/auth/jwks} publishes it.
     *
     * @throws IllegalArgumentException when the bytes are not an Ed25519 key or the kid is not their thumbprint
     */
    public static OctetKeyPair publicJwk(SigningKey key) {
        OctetKeyPair jwk;
        try {
            jwk = Ed25519KeyPairs.publicJwk(key.publicKey())
                    .keyID(key.kid()).algorithm(JWSAlgorithm.EdDSA).keyUse(KeyUse.SIGNATURE).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing key " + key.kid() + " is not an Ed25519 public key");
        }
        if (!key.kid().equals(Ed25519KeyPairs.thumbprint(key.publicKey()))) {
            throw new IllegalArgumentException("signing key " + key.kid() + ": the kid is not its thumbprint");
        }
        return jwk;
    }

    /** The key that signs now and its parsed private half, from one view so they always belong together. */
    record CurrentKey(String kid, PrivateKey privateKey) {
        @Override
        public String toString() {
            return "CurrentKey[kid=" + kid + "]";
        }
    }

    CurrentKey currentKey() {
        View now = view.get();
        return new CurrentKey(now.currentKid(), now.currentPrivateKey());
    }

    /** The kid that signs now. */
    String currentKid() {
        return view.get().currentKid();
    }

    /** The private half, proven to belong to the public one by signing and verifying a probe. */
    private static PrivateKey signingHalf(SigningKey key) {
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(key.privateKey()));
            PublicKey publicKey = ed25519.generatePublic(new X509EncodedKeySpec(key.publicKey()));
            byte[] probe = "signing key self-test".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(probe);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signer.sign())) {
                throw new IllegalArgumentException("signing key " + key.kid() + ": its halves do not belong together");
            }
            return privateKey;
        } catch (GeneralSecurityException | NullPointerException e) {
            throw new IllegalArgumentException("signing key " + key.kid() + " is not a valid Ed25519 key pair", e);
        }
    }

    /** Converts a ring's set once; the ring hands out the same object until it changes. */
    private static final class ViewCache {
        private record Entry(SigningKeyRing.Keys keys, View view) {
        }

        private volatile Entry last;

        View of(SigningKeyRing.Keys keys) {
            Entry entry = last;
            if (entry != null && entry.keys() == keys) {
                return entry.view();
            }
            View fresh = View.of(keys.current(), keys.verifying());
            last = new Entry(keys, fresh);
            return fresh;
        }
    }
}
