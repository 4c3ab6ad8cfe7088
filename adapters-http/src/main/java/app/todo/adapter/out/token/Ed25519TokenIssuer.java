package app.todo.adapter.out.token;

import app.todo.application.port.out.AccessTokenIssuer;
import app.todo.domain.account.AccessToken;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues the service's own sign-in tokens: EdDSA with the current own key, {@code typ: JWT}, and claims
 * {@code sub, email, name, sid, jti, iat, exp} and no {@code role}: the role is looked up, so a stolen key cannot
 * mint an admin (+ {@code iss}/{@code aud} when configured, since every token, the service's own included, must
 * pass the same {@link ClaimsPolicy}).
 *
 * <p>Signed with the JDK's Ed25519 rather than Nimbus's {@code Ed25519Signer}, which wants the raw private key
 * in an {@code OctetKeyPair} and Tink, while the key store keeps PKCS#8 that the JDK reads as it is.
 */
public final class Ed25519TokenIssuer implements AccessTokenIssuer {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    private final OwnSigningKeys keys;
    private final Clock clock;
    /** The shortest access-token lifetime: shorter ones expire within the clock skew tolerated by clients. */
    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    private final Duration ttl;
    private final Optional<String> issuer;
    private final Optional<String> audience;

    public Ed25519TokenIssuer(OwnSigningKeys keys, Clock clock, Duration ttl, Optional<String> issuer,
                              Optional<String> audience) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("AUTH_TOKEN_TTL must be at least " + MIN_TTL.toSeconds() + " s");
        }
        this.issuer = issuer.filter(s -> !s.isBlank());
        this.audience = audience.filter(s -> !s.isBlank());
    }

    /** A token without a session ({@code sid}): for tests and tools, never answered to a client. */
    public AccessToken issue(String userId, String email, String name) {
        return issue(userId, email, name, null);
    }

    /**
     * An access token in the session {@code sessionId}: claims {@code sid} (the session, so that ending it
     * ends the token) and {@code jti} (a fresh id, RFC 7519 §4.1.7) besides the user's.
     */
    @Override
    public AccessToken issue(String userId, String email, String name, String sessionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(Objects.requireNonNull(userId, "userId"))
                .claim("email", email)
                .claim("name", name)
                .claim("sid", sessionId)
                .jwtID(java.util.UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt));
        issuer.ifPresent(claims::issuer);
        audience.ifPresent(claims::audience);
        OwnSigningKeys.CurrentKey key = keys.currentKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .keyID(key.kid()).type(JOSEObjectType.JWT).build();
        String signingInput = header.toBase64URL() + "." + Base64URL.encode(claims.build().toString());
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new AccessToken(signingInput + "." + Base64URL.encode(signer.sign()), expiresAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    @Override
    public String publicKeySetJson() {
        return keys.jwksJson();
    }
}
