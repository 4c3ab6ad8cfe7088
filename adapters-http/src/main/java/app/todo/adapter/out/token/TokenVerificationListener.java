package app.todo.adapter.out.token;

/**
 * Told the outcome of every token verification, e.g. to count them. Called on the request thread:
 * implementations must be cheap and must not see the token, so none is passed.
 */
@FunctionalInterface
public interface TokenVerificationListener {

    /** Listens to nothing: the default when no one asked. */
    TokenVerificationListener IGNORE = (outcome, source) -> { };

    void verified(Outcome outcome, Source source);

    enum Outcome {
        /** The signature and claims were checked just now and passed. */
        ACCEPTED,
        /** Answered from the cache of tokens already verified. */
        CACHED,
        /** Valid, but the token says its user is banned: the request will be refused. */
        BANNED,
        /** Refused: malformed, unsigned, badly signed, expired, wrong issuer or audience. */
        REJECTED
    }

    enum Source {
        /** HS256/384/512 with {@code BETTER_AUTH_SECRET}. */
        SHARED_SECRET,
        /** An asymmetric algorithm checked with a public key (the service's own or the remote JWKS). */
        PUBLIC_KEY,
        /** Decided before a key was chosen: cache hits, and tokens refused on their shape or algorithm. */
        NONE
    }
}
