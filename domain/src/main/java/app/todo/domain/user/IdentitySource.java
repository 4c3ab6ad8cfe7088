package app.todo.domain.user;

import app.todo.domain.shared.InvalidValueException;

import java.util.Locale;

/**
 * Who vouched for a caller's identity (contract §2, trust boundaries). The service's own key vouches
 * only for the service's own accounts; every other source is a frontend's identity provider and
 * vouches only for external users. Sources never vouch for one another's users.
 */
public enum IdentitySource {
    /** HS256/384/512 tokens signed with {@code BETTER_AUTH_SECRET}. */
    SHARED_SECRET("shared-secret", Origin.EXTERNAL),
    /** Tokens verified with the frontend's JWKS ({@code AUTH_JWKS_URL}), e.g. Better Auth's jwt plugin. */
    JWKS("jwks", Origin.EXTERNAL),
    /** Better Auth session tokens (bearer plugin or session cookie), vouched for by Better Auth itself. */
    BETTER_AUTH_SESSION("better-auth-session", Origin.EXTERNAL),
    /** Tokens of the service's own sign-in, signed with its own key. */
    OWN_KEY("own", Origin.OWN);

    /** Where an account lives: created here by sign-up, or provisioned from a frontend's token. */
    public enum Origin {
        OWN,
        EXTERNAL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Origin fromKey(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
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
        return origin == Origin.EXTERNAL;
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
