package app.todo.domain.user;

import app.todo.domain.shared.InvalidValueException;

import java.util.Locale;

/**
 * Who vouched for a caller's identity (docs/authentication.md, trust boundaries). The service's own key
 * vouches only for the service's own accounts; the shared secret only for the users it introduced; Better
 * Auth (its JWKS or its sessions, one identity provider) only for the users it introduced. Sources never
 * vouch for one another's users.
 */
public enum IdentitySource {
    /** HS256/384/512 tokens signed with {@code BETTER_AUTH_SECRET}. */
    SHARED_SECRET("shared-secret", Origin.SHARED_SECRET),
    /** Tokens verified with the frontend's JWKS ({@code AUTH_JWKS_URL}), e.g. Better Auth's jwt plugin. */
    JWKS("jwks", Origin.BETTER_AUTH),
    /** Better Auth session tokens (bearer plugin or session cookie), vouched for by Better Auth itself. */
    BETTER_AUTH_SESSION("better-auth-session", Origin.BETTER_AUTH),
    /** Tokens of the service's own sign-in, signed with its own key. */
    OWN_KEY("own", Origin.OWN);

    /** Where an account lives: created here by sign-up, or provisioned from one frontend source's token. */
    public enum Origin {
        OWN("own"),
        /** Provisioned before the external sources were told apart: any external source still vouches. */
        EXTERNAL("external"),
        SHARED_SECRET("shared-secret"),
        /** Better Auth's JWKS tokens and its sessions: one identity provider, one set of user ids. */
        BETTER_AUTH("better-auth");

        private final String key;

        Origin(String key) {
            this.key = key;
        }

        /** As the store keeps it. */
        public String key() {
            return key;
        }

        public boolean isExternal() {
            return this != OWN;
        }

        /** Whether a caller vouched for by {@code source} may act as a user of this origin. */
        public boolean admits(Origin source) {
            return this == source || (this == EXTERNAL && source.isExternal());
        }

        public static Origin fromKey(String key) {
            for (Origin origin : values()) {
                if (origin.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return origin;
                }
            }
            throw new IllegalArgumentException("no origin " + key);
        }
    }

    private final String key;
    private final Origin origin;

    IdentitySource(String key, Origin origin) {
        this.key = key;
        this.origin = origin;
    }

    /** The name used in configuration ({@code AUTH_TRUST_ROLE_CLAIMS}) and metrics. */
    public String key() {
        return key;
    }

    public Origin origin() {
        return origin;
    }

    /** Whether configuration may let this source's {@code role}/{@code banned} claims count. */
    public boolean mayAssertClaims() {
        return origin.isExternal();
    }

    public static IdentitySource fromKey(String field, String key) {
        for (IdentitySource source : values()) {
            if (source.key.equalsIgnoreCase(key.strip())) {
                return source;
            }
        }
        throw new InvalidValueException(field, "must name identity sources among shared-secret, jwks, better-auth-session (got " + key + ")");
    }
}
