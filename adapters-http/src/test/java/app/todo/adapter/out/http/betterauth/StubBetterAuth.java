package app.todo.adapter.out.http.betterauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Better Auth's {@code GET /api/auth/get-session} as its bearer and cookie handling answer it, on a real
 * loopback socket, for tests that must not need Node: a 32-character token, signed as
 * {@code token.<base64 HMAC-SHA256(secret, token)>}; {@code {session, user}} for a live session, {@code null}
 * otherwise; {@code role}/{@code banned} as the admin plugin adds them. The real server is exercised by
 * {@code interop/better-auth/sessions.sh}.
 */
public final class StubBetterAuth implements AutoCloseable {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record User(String id, String email, String name, String role, boolean banned) {
    }

    private final String secret;
    private final HttpServer server;
    private final Map<String, User> sessions = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean stalled;

    public StubBetterAuth(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/auth/get-session", this::getSession);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Signs a user in: returns the signed token, as the bearer plugin's set-auth-token header gives it. */
    public String signIn(String userId, String email, String role, boolean banned) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        User user = users.computeIfAbsent(userId, id -> new User(id, email, null, role, banned));
        sessions.put(token.toString(), user);
        return token + "." + sign(token.toString());
    }

    public void signOut(String signedOrRawToken) {
        sessions.remove(raw(signedOrRawToken));
    }

    /** The admin plugin's ban: every session of the user answers banned from now on. */
    public void ban(String userId) {
        User user = users.get(userId);
        User banned = new User(user.id(), user.email(), user.name(), user.role(), true);
        users.put(userId, banned);
        sessions.replaceAll((token, holder) -> holder.id().equals(userId) ? banned : holder);
    }

    /** Answers nothing until closed, as a hung Better Auth would. */
    public void stall() {
        stalled = true;
    }

    public int calls() {
        return calls.get();
    }

    public String sign(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void getSession(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        if (exchange.getRequestHeaders().containsKey("Upgrade")) {
            // As Next.js, where Better Auth usually runs, answers an h2c upgrade: the socket closes unanswered.
            throw new IOException("upgrade refused"); // the JDK's server then closes the connection

        }
        if (stalled) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Optional<String> token = bearer(exchange).or(() -> cookie(exchange));
        User user = token.map(this::verified).map(sessions::get).orElse(null);
        String body = user == null ? "null" : """
                {"session":{"id":"s-%s","userId":"%s","expiresAt":"%s","token":"(omitted)"},\
                "user":{"id":"%s","email":%s,"name":%s,"emailVerified":false,"role":%s,"banned":%s}}"""
                .formatted(user.id(), user.id(), Instant.now().plusSeconds(7 * 24 * 3600), user.id(), quoted(user.email()),
                        quoted(user.name()), quoted(user.role()), user.banned());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The bearer plugin takes the raw token or the signed one (checked); the cookie must be signed. */
    private String verified(String presented) {
        String value = URLDecoder.decode(presented.replace("+", "%2B"), StandardCharsets.UTF_8);
        int dot = value.lastIndexOf('.');
        if (dot < 0) {
            return value;
        }
        String raw = value.substring(0, dot);
        return sign(raw).equals(value.substring(dot + 1)) ? raw : null;
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? Optional.of(header.substring(7)) : Optional.empty();
    }

    private static Optional<String> cookie(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Cookie");
        if (header == null) {
            return Optional.empty();
        }
        for (String pair : header.split(";")) {
            String[] kv = pair.strip().split("=", 2);
            if (kv.length == 2 && kv[0].endsWith("better-auth.session_token")) {
                return Optional.of(kv[1]);
            }
        }
        return Optional.empty();
    }

    private static String raw(String token) {
        int dot = token.lastIndexOf('.');
        return dot < 0 ? token : token.substring(0, dot);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
