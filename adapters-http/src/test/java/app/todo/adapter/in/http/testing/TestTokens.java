package app.todo.adapter.in.http.testing;

import app.todo.adapter.out.token.Ed25519TokenIssuer;
import app.todo.domain.account.AccessToken;
import app.todo.adapter.out.token.OwnSigningKeys;
import app.todo.adapter.out.token.Ed25519KeyPairs;
import app.todo.domain.account.SigningKey;
import app.todo.adapter.out.token.TokenVerifiers;

import app.todo.adapter.out.token.ClaimsPolicy;
import app.todo.adapter.out.token.SharedSecretTokenVerifier;
import app.todo.application.port.out.AccessTokenVerifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The tests' one token maker (it ships in the adapters-http test-jar): real HS256 tokens, signed the way a
 * Next.js frontend signs them with {@code BETTER_AUTH_SECRET}; the service's own Ed25519 tokens
 * ({@link #own}); and, through {@link KeyPairSigner}, tokens of any asymmetric key a JWKS publishes,
 * with headers a JOSE library would refuse to write.
 */
public final class TestTokens {

    /** A secret long enough for the verifier's 32-byte minimum. */
    public static final String SECRET = "test-secret-of-the-todo-api-at-least-32-bytes";

    private TestTokens() {
    }

    /** The service's own signing key in tests: its tokens vouch for own accounts (sign-up, sign-in). */
    public static final OwnSigningKeys OWN_KEYS = OwnSigningKeys.of(newKey(Clock.systemUTC()));

    /**
     * The production verifier as bootstrap builds it: shared-secret tokens with {@link #SECRET}, and the
     * service's own tokens with {@link #OWN_KEYS}; no issuer or audience checks.
     */
    public static AccessTokenVerifier verifier() {
        return TokenVerifiers.builder(Clock.systemUTC()).sharedSecret(SECRET).ownKeys(OWN_KEYS).build();
    }

    /** A token of the service's own key for an own account, valid for an hour, as sign-in issues it. */
    public static AccessToken own(String userId) {
        return own(userId, null);
    }

    /** Like {@link #own(String)}, in the session {@code sessionId} ({@code sid}). */
    public static AccessToken own(String userId, String sessionId) {
        return issuer().issue(userId, null, null, sessionId);
    }

    /** The issuer of {@link #OWN_KEYS}: tokens valid for an hour of real time, no issuer or audience. */
    public static Ed25519TokenIssuer issuer() {
        return new Ed25519TokenIssuer(OWN_KEYS, Clock.systemUTC(), Duration.ofHours(1), Optional.empty(),
                Optional.empty());
    }

    /** A token of {@code userId} valid for 15 minutes, with an email and a name. */
    public static String valid(String userId) {
        return sign(claims(userId).build());
    }

    /** A token whose claims the caller adjusts, e.g. {@code b -> b.claim("banned", true)}. */
    public static String with(String userId, UnaryOperator<JWTClaimsSet.Builder> adjust) {
        return sign(adjust.apply(claims(userId)).build());
    }

    /** Expired an hour ago, well beyond any clock skew. */
    public static String expired(String userId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return with(userId, b -> b.issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofHours(1)))));
    }

    /** Correct in every way but signed with another secret. */
    public static String signedWithOtherSecret(String userId) {
        return sign(claims(userId).build(), JWSAlgorithm.HS256, SECRET + "-but-another-one");
    }

    /** {@code alg: none}: a token anyone can forge. */
    public static String unsigned(String userId) {
        return new PlainJWT(claims(userId).build()).serialize();
    }

    public static String sign(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.HS256, SECRET);
    }

    public static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static JWTClaimsSet.Builder claims(String userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(userId)
                .claim("email", userId + "@example.com")
                .claim("name", "User " + userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
    }

    /** Fresh key pairs in the key store's form, as the persistence adapter's generator makes them in production. */
    public static java.util.function.Supplier<SigningKey> keyGenerator(Clock clock) {
        return Ed25519KeyPairs.generator(clock);
    }

    /** One fresh key pair, made at the clock's second. */
    public static SigningKey newKey(Clock clock) {
        return Ed25519KeyPairs.generator(clock).get();
    }

    /**
     * A real key pair made by the JDK and the means to sign compact tokens from raw header and claims JSON,
     * so tests can produce the odd headers (alg "None", crit, jku) a library would refuse to write.
     */
    public record KeyPairSigner(String kid, KeyPair pair, JWK publicJwk) {

        public static KeyPairSigner ed25519(String kid) {
            KeyPair pair = generate("Ed25519", null);
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            return new KeyPairSigner(kid, pair, new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(kid).build());
        }

        /** The service's own key, as the key store keeps it, ready to sign any header. */
        public static KeyPairSigner own(app.todo.domain.account.SigningKey key) {
            try {
                java.security.KeyFactory ed25519 = java.security.KeyFactory.getInstance("Ed25519");
                KeyPair pair = new KeyPair(
                        ed25519.generatePublic(new java.security.spec.X509EncodedKeySpec(key.publicKey())),
                        ed25519.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.privateKey())));
                return new KeyPairSigner(key.kid(), pair, OwnSigningKeys.publicJwk(key));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public static KeyPairSigner ec(String kid, String curve) {
            KeyPair pair = generate("EC", curve);
            Curve jwkCurve = Curve.forStdName(curve);
            return new KeyPairSigner(kid, pair, new ECKey.Builder(jwkCurve, (ECPublicKey) pair.getPublic()).keyID(kid).build());
        }

        public static KeyPairSigner rsa(String kid) {
            KeyPair pair = generate("RSA", null);
            return new KeyPairSigner(kid, pair, new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).build());
        }

        /** The same key, published with another {@code alg} (or none) in its JWK. */
        public KeyPairSigner declaring(String alg) {
            try {
                Map<String, Object> json = new LinkedHashMap<>(publicJwk.toJSONObject());
                json.put("alg", alg);
                return new KeyPairSigner(kid, pair, JWK.parse(json));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }

        public String jwkJson() {
            return publicJwk.toJSONString();
        }

        /** Signs with the JWS algorithm {@code alg}, whatever the header says. */
        public String sign(String alg, String headerJson, String claimsJson) {
            return sign(alg, headerJson, claimsJson.getBytes(StandardCharsets.UTF_8));
        }

        /** Like {@link #sign(String, String, String)}, with claims of any bytes, well-formed UTF-8 or not. */
        public String sign(String alg, String headerJson, byte[] claims) {
            String input = b64(headerJson) + "." + Base64URL.encode(claims);
            try {
                Signature signer = signature(alg);
                signer.initSign(pair.getPrivate());
                signer.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + Base64URL.encode(signer.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The usual token: header {@code {"alg":alg,"kid":kid}}. */
        public String token(String alg, String claimsJson) {
            return sign(alg, "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}", claimsJson);
        }

        public static String jwks(KeyPairSigner... signers) {
            return jwks(List.of(signers));
        }

        public static String jwks(List<KeyPairSigner> signers) {
            return signers.stream().map(KeyPairSigner::jwkJson).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        }

        public static String b64(String json) {
            return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
        }

        private static Signature signature(String alg) throws GeneralSecurityException {
            return switch (alg) {
                case "EdDSA", "Ed25519" -> Signature.getInstance("Ed25519");
                case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                case "ES384" -> Signature.getInstance("SHA384withECDSAinP1363Format");
                case "ES512" -> Signature.getInstance("SHA512withECDSAinP1363Format");
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                case "RS512" -> Signature.getInstance("SHA512withRSA");
                case "PS256", "PS512" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    boolean sha256 = alg.equals("PS256");
                    pss.setParameter(new PSSParameterSpec(sha256 ? "SHA-256" : "SHA-512", "MGF1",
                            sha256 ? MGF1ParameterSpec.SHA256 : MGF1ParameterSpec.SHA512, sha256 ? 32 : 64, 1));
                    yield pss;
                }
                default -> throw new IllegalArgumentException(alg);
            };
        }

        private static KeyPair generate(String type, String curve) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
                if (curve != null) {
                    generator.initialize(new ECGenParameterSpec(curve));
                } else if (type.equals("RSA")) {
                    generator.initialize(2048);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
