package app.todo.adapter.in.http.auth;

import app.todo.domain.user.IdentitySource;
import com.nimbusds.jwt.JWTClaimsSet;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The claim rules every accepted token obeys, whoever signed it: {@code exp} required,
 * {@code nbf}/{@code iat} honoured with a clock skew, {@code iss}/{@code aud} checked when configured,
 * and a user id from {@code sub}, else {@code id}, else {@code user_id}.
 */
public final class ClaimsPolicy {

    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
    private static final int MAX_USER_ID_LENGTH = 255;

    private final Clock clock;
    private final Duration skew;
    private final Optional<String> issuer;
    private final Optional<String> audience;

    public ClaimsPolicy(Clock clock, Duration skew, Optional<String> issuer, Optional<String> audience) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.issuer = issuer.filter(s -> !s.isBlank());
        this.audience = audience.filter(s -> !s.isBlank());
        if (skew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
    }

    /** Checks the claims of a token whose signature {@code source} vouched for. */
    public VerifiedToken check(JWTClaimsSet claims, IdentitySource source) {
        Instant now = clock.instant();
        Instant expiresAt = instant(claims.getExpirationTime())
                .orElseThrow(() -> new InvalidTokenException("The token has no expiry (exp)"));
        if (!now.isBefore(expiresAt.plus(skew))) { // RFC 7519: not accepted "on or after" exp
            throw new InvalidTokenException("The token has expired");
        }
        instant(claims.getNotBeforeTime()).ifPresent(nbf -> {
            if (now.plus(skew).isBefore(nbf)) {
                throw new InvalidTokenException("The token is not valid yet (nbf)");
            }
        });
        instant(claims.getIssueTime()).ifPresent(iat -> {
            if (now.plus(skew).isBefore(iat)) {
                throw new InvalidTokenException("The token was issued in the future (iat)");
            }
        });
        issuer.ifPresent(expected -> {
            if (!expected.equals(claims.getIssuer())) {
                throw new InvalidTokenException("The token has the wrong issuer");
            }
        });
        audience.ifPresent(expected -> {
            List<String> audiences = claims.getAudience();
            if (audiences == null || !audiences.contains(expected)) {
                throw new InvalidTokenException("The token is not meant for this service (aud)");
            }
        });
        return new VerifiedToken(userId(claims), string(claims, "email"), string(claims, "name"),
                "admin".equals(string(claims, "role")), Boolean.TRUE.equals(claims.getClaim("banned")), expiresAt, source,
                string(claims, "sid"));
    }

    private static String userId(JWTClaimsSet claims) {
        for (String name : List.of("sub", "id", "user_id")) {
            Object value = claims.getClaim(name);
            String id = value instanceof String s ? s
                    : value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue())
                    : null;
            if (id != null && !id.isBlank()) {
                if (id.length() > MAX_USER_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidTokenException("The token's user id is not acceptable");
                }
                return id;
            }
        }
        throw new InvalidTokenException("The token names no user (sub)");
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
