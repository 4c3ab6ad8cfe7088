package app.todo.adapter.out.token;

import com.nimbusds.jose.jwk.JWK;

import java.util.Optional;

/**
 * Where the public key for a token's {@code kid} is looked up: the frontend's JWK set or the service's own keys.
 * Lookups never follow anything the token says; every key returned passed {@link VerificationKeys#usable}.
 */
@FunctionalInterface
public interface PublicKeySource {

    Optional<JWK> find(String kid);

    /**
     * Whether {@code kid} is (still) one of these keys: asked on every hit of the verified-token cache,
     * so a key that leaves the set takes its cached tokens with it.
     */
    default boolean holds(String kid) {
        return find(kid).isPresent();
    }
}
