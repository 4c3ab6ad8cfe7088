package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.RawHttp;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.port.out.TaskRepository;
import app.todo.application.testing.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At most N requests run at once; the others wait in line, a bounded one, and health never waits. The store is
 * made to hold a request in place, so which request holds the only permit is known, not timed.
 */
class AdmissionFilterTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger holding = new AtomicInteger();
    private TestServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    /** A task store whose list blocks until the test releases it. */
    private TaskRepository holdingLists(TaskRepository tasks) {
        return (TaskRepository) Proxy.newProxyInstance(TaskRepository.class.getClassLoader(),
                new Class<?>[] {TaskRepository.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("list") || method.getName().startsWith("page")) {
                        holding.incrementAndGet();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(tasks, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void start(int maxWaiting, Duration wait) {
        server = TestServer.start(this::holdingLists, () -> true, TestTokens.verifier(),
                builder -> builder.admission(1, maxWaiting, wait));
    }

    private CompletableFuture<HttpResponse<String>> listInBackground() {
        String user = "admitted-" + UUID.randomUUID();
        return CompletableFuture.supplyAsync(() -> server.get("/api/" + user + "/tasks", TestTokens.valid(user)));
    }

    @Test
    void withTheOnlyPermitTakenOthersWaitAndHealthDoesNot() throws Exception {
        start(10, Duration.ofSeconds(20));
        CompletableFuture<HttpResponse<String>> first = listInBackground();
        Polling.await(Duration.ofSeconds(10), "the first request holds the permit", () -> holding.get() == 1);
        CompletableFuture<HttpResponse<String>> second = listInBackground();

        assertEquals(200, server.get("/health/live", null).statusCode(), "health never waits in line");
        assertEquals(200, server.get("/health/ready", null).statusCode());
        assertEquals(1, holding.get(), "the second request waits before any work");

        release.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, second.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void aFullLineIsA503WithRetryAfterAtOnce() throws Exception {
        start(0, Duration.ofSeconds(20));
        CompletableFuture<HttpResponse<String>> first = listInBackground();
        Polling.await(Duration.ofSeconds(10), "the first request holds the permit", () -> holding.get() == 1);

        String user = "refused-" + UUID.randomUUID();
        HttpResponse<String> refused = server.get("/api/" + user + "/tasks", TestTokens.valid(user));

        assertEquals(503, refused.statusCode());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(refused.body().contains("busy"));
        release.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
    }

    /** Password checks wait in the hasher's own line, not for a permit: a sign-in flood leaves lists their permits. */
    @Test
    void aPasswordRouteDoesNotWaitForAPermit() throws Exception {
        start(0, Duration.ofSeconds(20));
        CompletableFuture<HttpResponse<String>> first = listInBackground();
        Polling.await(Duration.ofSeconds(10), "the first request holds the permit", () -> holding.get() == 1);

        // Outside the contract: this server has no account routes, so the sign-in that got past the line is a 404.
        HttpResponse<String> signIn = server.sendOutsideTheContract(server.request("/api/auth/sign-in", null)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.c\",\"password\":\"x\"}")).build());
        String user = "refused-" + UUID.randomUUID();

        assertEquals(404, signIn.statusCode(), "routed, not refused by the full line");
        assertEquals(503, server.get("/api/" + user + "/tasks", TestTokens.valid(user)).statusCode(), "a list still waits");
        release.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
    }

    /**
     * Clients that send their headers and part of their body, then nothing, hold their connections only: not the
     * one permit, and not the memory their headers announce (300 × 64 KiB is more than the bodies' whole budget).
     * Another client's list and create go through, and the stalled connections are closed, unanswered, once their
     * bodies' deadline passes.
     */
    @Test
    void bodiesStillOnTheirWayHoldNoPermitNorTheMemoryTheyAnnounce() {
        release.countDown();
        server = TestServer.start(this::holdingLists, () -> true, TestTokens.verifier(),
                builder -> builder.admission(1, 10, Duration.ofSeconds(5)).bodyDeadline(Duration.ofSeconds(2)));
        String slow = "slow-" + UUID.randomUUID();
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                stalled.add(RawHttp.connect(server.port()).write("POST /api/" + slow + "/tasks HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer " + TestTokens.valid(slow) + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 65536\r\n\r\n{\"ti"));
            }
            stalled.add(RawHttp.connect(server.port()).write("POST /api/" + slow + "/tasks HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + TestTokens.valid(slow) + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n4\r\n{\"ti\r\n"));

            String user = "other-" + UUID.randomUUID();
            assertEquals(200, server.get("/api/" + user + "/tasks", TestTokens.valid(user)).statusCode(),
                    "the only permit is free while 301 bodies are on their way");
            assertEquals(201, server.json("POST", "/api/" + user + "/tasks", TestTokens.valid(user),
                    "{\"title\":\"mine\"}").statusCode(), "memory is left for a body that arrives");

            for (RawHttp connection : stalled) {
                assertTrue(connection.closedByServer(15_000), "a body that never arrives ends its connection");
            }
        } finally {
            stalled.forEach(RawHttp::close);
        }
        assertEquals("0", server.get("/api/" + slow + "/tasks", TestTokens.valid(slow)).headers()
                .firstValue("X-Total-Count").orElseThrow(), "nothing of the stalled requests was stored");
    }
}
