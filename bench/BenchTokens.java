import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Benchmark helper, run with the JDK's source launcher (no build, no dependencies):
 *
 *   java bench/BenchTokens.java make DIR USERS   writes DIR/secret, DIR/jwks.json, DIR/hs256.tokens and
 *                                                DIR/eddsa.tokens and DIR/eddsa.users (one token per line for users
 *                                                bench-0..N-1, and for jwks-bench-0..N-1)
 *   java bench/BenchTokens.java serve DIR PORT   serves DIR/jwks.json at http://127.0.0.1:PORT/jwks.json
 *
 * Tokens are shaped like the frontends' own: HS256 as Next.js apps sign with BETTER_AUTH_SECRET, and
 * EdDSA with a kid as Better Auth's JWT plugin signs them, valid for two hours.
 */
public final class BenchTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("make")) {
            make(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length == 3 && args[0].equals("serve")) {
            serve(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: BenchTokens make DIR USERS | serve DIR PORT");
            System.exit(2);
        }
    }

    private static void make(Path dir, int users) throws Exception {
        Files.createDirectories(dir);
        byte[] secretBytes = new byte[48];
        new SecureRandom().nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        String x = B64.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        String kid = B64.encodeToString(Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256")
                .digest(spki), 24));
        Files.writeString(dir.resolve("secret"), secret);
        Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x
                + "\",\"kid\":\"" + kid + "\",\"alg\":\"EdDSA\",\"use\":\"sig\"}]}");
        long now = Instant.now().getEpochSecond();
        List<String> hs = new ArrayList<>();
        List<String> ed = new ArrayList<>();
        List<String> edUsers = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            hs.add(hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims("bench-" + i, now), secret));
            // Users of their own: the service keeps each source to the users it introduced.
            edUsers.add("jwks-bench-" + i);
            ed.add(eddsa("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}", claims("jwks-bench-" + i, now), pair));
        }
        Files.write(dir.resolve("hs256.tokens"), hs);
        Files.write(dir.resolve("eddsa.tokens"), ed);
        Files.write(dir.resolve("eddsa.users"), edUsers);
    }

    private static String claims(String user, long now) {
        return "{\"sub\":\"" + user + "\",\"email\":\"" + user + "@example.com\",\"name\":\"" + user
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}";
    }

    private static String signingInput(String header, String claims) {
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(String header, String claims, String secret) throws Exception {
        String input = signingInput(header, claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String eddsa(String header, String claims, KeyPair pair) throws Exception {
        String input = signingInput(header, claims);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(pair.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    private static void serve(Path dir, int port) throws IOException {
        byte[] jwks = Files.readAllBytes(dir.resolve("jwks.json"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }
}
