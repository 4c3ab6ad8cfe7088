package app.todo.adapter.out.token;

import app.todo.application.port.out.InvalidAccessTokenException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;

/**
 * Parsing rules that hold before any signature is checked: size, key references, {@code typ}, {@code crit}.
 * Hand-written rather than Nimbus's {@code DefaultJOSEObjectTypeVerifier} and processor because each refusal
 * needs its own RFC 6750 error description, which Nimbus's processor gives only as message text.
 */
public final class CompactTokens {

    /** Larger tokens are refused unread: no honest token is this big, and parsing costs. */
    public static final int MAX_TOKEN_BYTES = 8 * 1024;

    private CompactTokens() {
    }

    /** The checks that cost nothing, done before a token is hashed or parsed. */
    public static void checkSize(String compact) {
        if (compact == null || compact.isBlank()) {
            throw new InvalidAccessTokenException("The token is empty");
        }
        if (compact.length() > MAX_TOKEN_BYTES) {
            throw new InvalidAccessTokenException("The token is too large");
        }
    }

    public static SignedJWT parse(String compact) {
        checkSize(compact);
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compact);
        } catch (ParseException | RuntimeException e) {
            // Unsigned ("alg": "none") and encrypted tokens land here too.
            throw new InvalidAccessTokenException("The token is malformed or unsigned");
        }
        JWSHeader header = jwt.getHeader();
        // Key references inside a token are never followed; a token carrying them is not one we issue or accept.
        if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null
                || header.getX509CertChain() != null) {
            throw new InvalidAccessTokenException("The token carries key references (jku, x5u, jwk, x5c) that are not accepted");
        }
        JOSEObjectType typ = header.getType();
        if (typ != null && !typ.getType().equalsIgnoreCase("JWT") && !typ.getType().equalsIgnoreCase("at+jwt")) {
            throw new InvalidAccessTokenException("The token is not a JWT");
        }
        return jwt;
    }

    /**
     * No {@code crit} extension is understood here, so any token that lists one must be refused (RFC 7515 §4.1.11).
     * Checked explicitly for every algorithm, so the refusal does not depend on which verifier runs.
     */
    public static void refuseCriticalHeaders(JWSHeader header) {
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new InvalidAccessTokenException("The token has critical header parameters that are not understood");
        }
    }

    public static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidAccessTokenException("The token's claims are malformed");
        }
    }
}
