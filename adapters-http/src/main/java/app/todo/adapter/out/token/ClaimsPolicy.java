package app.todo.adapter.out.token;

import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.domain.user.IdentitySource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.nimbusds.jose.proc.SecurityContext;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The claim rules every accepted token obeys, whoever signed it (docs/rules.md §1): {@code exp} required,
 * {@code nbf}/{@code iat} honoured with a clock skew, {@code iss}/{@code aud} checked when configured,
 * and a user id from {@code sub}, else {@code id}, else {@code user_id}.
 *
 * <p>{@code exp}, {@code nbf}, {@code iss} and {@code aud} are Nimbus's {@link DefaultJWTClaimsVerifier}, on the
 * injected clock. Hand-written, because Nimbus has no rule for them: {@code iat} in the future (RFC 7519 leaves
 * it to the recipient; the backends we replace refuse it) and the contract's user-id fallback.
 */
public final class ClaimsPolicy {

    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
    private static final int MAX_USER_ID_LENGTH = 255;
    /** RFC 5321's limit for an address. */
    static final int MAX_EMAIL_LENGTH = 320;
    /** As the user record keeps a name. */
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_SESSION_ID_LENGTH = 64;

    private final Clock clock;
    private final Duration skew;
    private final DefaultJWTClaimsVerifier<SecurityContext> verifier;
    /** Accepted issuers when several are configured (Nimbus's exact match takes one); empty otherwise. */
    private final Set<String> issuers;
    /** Every accepted issuer and audience, to say which rule refused a token; empty: not checked. */
    private final Set<String> acceptedIssuers;
    private final Set<String> acceptedAudiences;

    /**
     * @param skew whole seconds (Nimbus counts the skew in seconds); not negative
     * @param issuer the accepted {@code iss}, when present: one, or several separated by commas (Better Auth
     *               behind a proxy with dynamic base URLs puts the request's origin there)
     * @param audience what {@code aud} must contain one of, when present: one value or several, comma-separated
     */
    public ClaimsPolicy(Clock clock, Duration skew, Optional<String> issuer, Optional<String> audience) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        if (skew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        List<String> issuerList = listed(issuer);
        if (issuerList.size() == 1) {
            exact.issuer(issuerList.getFirst());
        }
        this.issuers = issuerList.size() > 1 ? Set.copyOf(issuerList) : Set.of();
        this.acceptedIssuers = Set.copyOf(issuerList);
        List<String> audienceList = listed(audience);
        this.acceptedAudiences = Set.copyOf(audienceList);
        // A HashSet: Nimbus asks it about every aud entry, a JSON null included, which Set.of answers with an NPE.
        Set<String> audiences = audienceList.isEmpty() ? null : new HashSet<>(audienceList);
        Set<String> required = issuers.isEmpty() ? Set.of("exp") : Set.of("exp", "iss");
        this.verifier = new DefaultJWTClaimsVerifier<>(audiences, exact.build(), required, null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew(Math.toIntExact(skew.toSeconds()));
    }

    /** The values of a setting that may list several, comma-separated; empty when absent or blank. */
    public static List<String> listed(Optional<String> setting) {
        return setting.stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }

    /** Checks the claims of a token whose signature {@code source} vouched for. */
    public VerifiedAccessToken check(JWTClaimsSet claims, IdentitySource source) {
        try {
            verifier.verify(claims, null);
            if (!issuers.isEmpty() && (claims.getIssuer() == null || !issuers.contains(claims.getIssuer()))) {
                throw new InvalidAccessTokenException("The token has the wrong issuer");
            }
        } catch (ExpiredJWTException e) {
            throw new InvalidAccessTokenException("The token has expired");
        } catch (BadJWTException e) {
            throw new InvalidAccessTokenException(reason(claims));
        }
        Date iat = claims.getIssueTime();
        if (iat != null && clock.instant().plus(skew).isBefore(iat.toInstant())) {
            throw new InvalidAccessTokenException("The token was issued in the future (iat)");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) { // present but null passes Nimbus's "required" check
            throw new InvalidAccessTokenException("The token has no expiry (exp)");
        }
        Instant expiresAt = exp.toInstant();
        return new VerifiedAccessToken(userId(claims), bounded(string(claims, "email"), MAX_EMAIL_LENGTH, false),
                bounded(string(claims, "name"), MAX_NAME_LENGTH, true),
                "admin".equals(string(claims, "role")), Boolean.TRUE.equals(claims.getClaim("banned")), expiresAt, source,
                bounded(string(claims, "sid"), MAX_SESSION_ID_LENGTH, false));
    }

    /**
     * Which rule refused the claims, in the words of docs/rules.md §1, told from the claims themselves:
     * Nimbus names the rule only in its message's prose, which is no interface.
     */
    private String reason(JWTClaimsSet claims) {
        Date nbf = claims.getNotBeforeTime();
        String issuer = claims.getIssuer();
        List<String> audience = claims.getAudience(); // never null; the immutable sets refuse contains(null)
        if (claims.getExpirationTime() == null) {
            return "The token has no expiry (exp)";
        } else if (nbf != null && !clock.instant().plus(skew).isAfter(nbf.toInstant())) {
            return "The token is not valid yet (nbf)";
        } else if (!acceptedIssuers.isEmpty() && (issuer == null || !acceptedIssuers.contains(issuer))) {
            return "The token has the wrong issuer";
        } else if (!acceptedAudiences.isEmpty() && audience.stream().noneMatch(aud -> aud != null && acceptedAudiences.contains(aud))) {
            return "The token is not meant for this service (aud)";
        }
        return "The token's claims are not accepted";
    }

    private static String userId(JWTClaimsSet claims) {
        for (String name : List.of("sub", "id", "user_id")) {
            Object value = claims.getClaim(name);
            String id = value instanceof String s ? s
                    : value instanceof Long || value instanceof Integer ? value.toString()
                    : null;
            if (id != null && !id.isBlank()) {
                if (id.length() > MAX_USER_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidAccessTokenException("The token's user id is not acceptable");
                }
                return id;
            }
        }
        throw new InvalidAccessTokenException("The token names no user (sub)");
    }

    /**
     * What a token may make this service keep: a verified token is cached until its {@code exp}, so a claim's
     * size is memory a caller chooses. A name longer than {@code max} is cut (as the user record cuts it); an
     * email or session id that long is no valid one, so it counts as absent.
     */
    /** At most {@code max} code points: cut there (never inside a surrogate pair), or dropped when not {@code cut}. */
    private static String bounded(String value, int max, boolean cut) {
        if (value == null || value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return cut ? value.substring(0, value.offsetByCodePoints(0, max)) : null;
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }
}
