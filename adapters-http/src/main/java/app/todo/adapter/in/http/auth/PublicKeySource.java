package app.todo.adapter.in.http.auth;

import java.util.List;
import java.util.Optional;

/** Where the key for a token's {@code kid} is looked up. Lookups never follow anything the token says. */
@FunctionalInterface
public interface PublicKeySource {

    Optional<VerificationKey> find(String kid);

    /**
     * Whether {@code kid} is (still) one of these keys: asked on every hit of the verified-token cache,
     * so a key that leaves the set takes its cached tokens with it.
     */
    default boolean holds(String kid) {
        return find(kid).isPresent();
    }

    /** The first source that knows the kid wins; the service's own keys should come first. */
    static PublicKeySource firstOf(List<? extends PublicKeySource> sources) {
        List<PublicKeySource> copy = List.copyOf(sources);
        return kid -> {
            for (PublicKeySource source : copy) {
                Optional<VerificationKey> key = source.find(kid);
                if (key.isPresent()) {
                    return key;
                }
            }
            return Optional.empty();
        };
    }
}
