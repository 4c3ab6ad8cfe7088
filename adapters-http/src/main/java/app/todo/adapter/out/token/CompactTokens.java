package app.todo.adapter.out.token;

import app.todo.application.port.out.InvalidAccessTokenException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.util.Base64URL;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * Parsing rules that hold before any signature is checked: size, key references, {@code typ}, {@code crit}.
 * Hand-written rather than Nimbus's {@code DefaultJOSEObjectTypeVerifier} and processor because each refusal
 * needs its own RFC 6750 error description, which Nimbus's processor gives only as message text.
 */
public final class CompactTokens {

    private static final List<String> TIME_CLAIMS = List.of("exp", "nbf", "iat");
    /** 9999-12-31T23:59:59Z in seconds: the latest NumericDate taken for a time (RFC 7519 §2). */
    private static final double LATEST_TIME = 253_402_300_799d;

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
        // Nimbus's decoder takes padding, "+/", a lone extra character and any unused low bits of a part's last
        // one: each part must be exactly the unpadded base64url (RFC 7515 §2) of what it decodes to, so no token
        // has a second spelling. Only parsed tokens are cached, so a second spelling never reaches the cache.
        for (Base64URL part : jwt.getParsedParts()) {
            String text = part.toString();
            if (text.length() % 4 == 1 || !Base64URL.encode(part.decode()).toString().equals(text)) {
                throw new InvalidAccessTokenException("The token is malformed or unsigned");
            }
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

    /**
     * The claims, from a payload that is well-formed UTF-8 (Nimbus would read malformed bytes as U+FFFD, so that
     * different bytes named one user) and whose {@code sub}, when present, is a JSON string (RFC 7519 §4.1.2;
     * Nimbus would turn {@code 1e30} into the user "1.0E30"), and whose {@code exp}, {@code nbf} and {@code iat}, when
     * present, are times no later than the year 9999, earlier ones being merely past (Nimbus would wrap {@code exp: 1e30} around to a time long past,
     * and call the token expired).
     */
    public static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(jwt.getPayload().toBytes()));
            Map<String, Object> payload = jwt.getPayload().toJSONObject();
            Object subject = payload.get("sub");
            if (subject != null && !(subject instanceof String)) {
                throw new ParseException("sub is not a string", 0);
            }
            for (String time : TIME_CLAIMS) {
                Object value = payload.get(time);
                if (value != null && !(value instanceof Number n && n.doubleValue() <= LATEST_TIME)) {
                    throw new ParseException(time + " is no time", 0);
                }
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | CharacterCodingException | RuntimeException e) {
            throw new InvalidAccessTokenException("The token's claims are malformed");
        }
    }
}
