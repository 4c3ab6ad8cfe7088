package app.todo.adapter.http.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.security.PrivateKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service's own Ed25519 keys: the newest signs, all of them verify (so tokens signed before a rotation
 * stay valid until they expire), and their public halves are the JWK set served at {@code /api/auth/jwks}.
 */
public final class OwnSigningKeys implements PublicKeySource {

    private final SigningKey current;
    private final PrivateKey currentPrivateKey;
    private final Map<String, VerificationKey> verificationKeys;
    private final String jwksJson;

    public OwnSigningKeys(List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        this.current = keys.stream().max(Comparator.comparing(SigningKey::createdAt)).orElseThrow();
        this.currentPrivateKey = current.privateKey();
        this.verificationKeys = keys.stream().map(SigningKey::verificationKey)
                .collect(Collectors.toUnmodifiableMap(VerificationKey::kid, Function.identity(), (a, b) -> a));
        List<JWK> publicJwks = keys.stream().<JWK>map(SigningKey::publicJwk).toList();
        this.jwksJson = new JWKSet(publicJwks).toString(true);
    }

    public static OwnSigningKeys of(SigningKey... keys) {
        return new OwnSigningKeys(List.of(keys));
    }

    @Override
    public Optional<VerificationKey> find(String kid) {
        return Optional.ofNullable(verificationKeys.get(kid));
    }

    /** {@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":…,"kid":…,"alg":"EdDSA","use":"sig"}]}}: public halves only. */
    public String jwksJson() {
        return jwksJson;
    }

    SigningKey current() {
        return current;
    }

    PrivateKey currentPrivateKey() {
        return currentPrivateKey;
    }
}
