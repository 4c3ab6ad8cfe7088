package app.todo.adapter.out.token;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on a free loopback port that serves a JWK set and counts every request it gets. */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = "{\"keys\":[]}";
    private volatile boolean stall;
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestHeaders().containsKey("Upgrade")) {
                // As Next.js, where Better Auth's JWKS usually lives, answers an h2c upgrade: closed unanswered.
                throw new IOException("upgrade refused"); // the JDK's server then closes the connection
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (stall) {
                    // Headers and half the body, then nothing until the test ends.
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                out.write(bytes);
            }
        });
        // Each exchange on its own thread, so one stalled answer does not hold the others.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    JwksServer serving(String json) {
        this.status = 200;
        this.body = json;
        return this;
    }

    JwksServer failing(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    /** Sends its headers and half of {@code json}, then stalls until closed. */
    JwksServer stallingAfterHeaders(String json) {
        this.status = 200;
        this.body = json;
        this.stall = true;
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/jwks");
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
