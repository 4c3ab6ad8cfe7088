package app.todo.adapter.in.http.auth;

import app.todo.application.service.SigningKeyRing;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.security.PrivateKey;
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
 * Either a fixed set, or the keys of a {@link SigningKeyRing}, which rotate (contract §2).
 */
public final class OwnSigningKeys implements PublicKeySource {

    /** What the keys of one moment make: derived once per set, since sets change only on rotation. */
    private record View(SigningKey current, PrivateKey currentPrivateKey, Map<String, JWK> verificationKeys,
                        String jwksJson) {

        static View of(SigningKey current, List<SigningKey> keys) {
            List<JWK> publicJwks = keys.stream().<JWK>map(SigningKey::publicJwk).toList();
            Map<String, JWK> verification = publicJwks.stream()
                    .collect(Collectors.toUnmodifiableMap(JWK::getKeyID, Function.identity(), (a, b) -> a));
            return new View(current, current.privateKey(), verification, new JWKSet(publicJwks).toString(true));
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

    /** The key that signs now and its parsed private half, from one view so they always belong together. */
    record CurrentKey(String kid, PrivateKey privateKey) {
        @Override
        public String toString() {
            return "CurrentKey[kid=" + kid + "]";
        }
    }

    CurrentKey currentKey() {
        View now = view.get();
        return new CurrentKey(now.current().kid(), now.currentPrivateKey());
    }

    SigningKey current() {
        return view.get().current();
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
            View fresh = View.of(convert(keys.current()), keys.verifying().stream().map(ViewCache::convert).toList());
            last = new Entry(keys, fresh);
            return fresh;
        }

        private static SigningKey convert(app.todo.domain.account.SigningKey stored) {
            return new SigningKey(stored.kid(), stored.isRetired() ? null : stored.privateKey(), stored.publicKey(),
                    stored.createdAt());
        }
    }
}
