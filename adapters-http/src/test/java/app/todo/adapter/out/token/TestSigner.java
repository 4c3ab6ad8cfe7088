package app.todo.adapter.out.token;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
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

/**
 * A real key pair made by the JDK and the means to sign compact tokens from raw header and claims JSON,
 * so tests can produce the odd headers (alg "None", crit, jku) a library would refuse to write.
 */
record TestSigner(String kid, KeyPair pair, JWK publicJwk) {

    static TestSigner ed25519(String kid) {
        KeyPair pair = generate("Ed25519", null);
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return new TestSigner(kid, pair, new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(kid).build());
    }

    /** The service's own key, as the key store keeps it, ready to sign any header. */
    static TestSigner own(app.todo.domain.account.SigningKey key) {
        try {
            java.security.KeyFactory ed25519 = java.security.KeyFactory.getInstance("Ed25519");
            KeyPair pair = new KeyPair(
                    ed25519.generatePublic(new java.security.spec.X509EncodedKeySpec(key.publicKey())),
                    ed25519.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.privateKey())));
            return new TestSigner(key.kid(), pair, OwnSigningKeys.publicJwk(key));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestSigner ec(String kid, String curve) {
        KeyPair pair = generate("EC", curve);
        Curve jwkCurve = Curve.forStdName(curve);
        return new TestSigner(kid, pair, new ECKey.Builder(jwkCurve, (ECPublicKey) pair.getPublic()).keyID(kid).build());
    }

    static TestSigner rsa(String kid) {
        KeyPair pair = generate("RSA", null);
        return new TestSigner(kid, pair, new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).build());
    }

    /** The same key, published with another {@code alg} (or none) in its JWK. */
    TestSigner declaring(String alg) {
        try {
            Map<String, Object> json = new LinkedHashMap<>(publicJwk.toJSONObject());
            json.put("alg", alg);
            return new TestSigner(kid, pair, JWK.parse(json));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    String jwkJson() {
        return publicJwk.toJSONString();
    }

    /** Signs with the JWS algorithm {@code alg}, whatever the header says. */
    String sign(String alg, String headerJson, String claimsJson) {
        return sign(alg, headerJson, claimsJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Like {@link #sign(String, String, String)}, with claims of any bytes, well-formed UTF-8 or not. */
    String sign(String alg, String headerJson, byte[] claims) {
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
    String token(String alg, String claimsJson) {
        return sign(alg, "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}", claimsJson);
    }

    static String jwks(TestSigner... signers) {
        return jwks(List.of(signers));
    }

    static String jwks(List<TestSigner> signers) {
        return signers.stream().map(TestSigner::jwkJson).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    static String b64(String json) {
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
