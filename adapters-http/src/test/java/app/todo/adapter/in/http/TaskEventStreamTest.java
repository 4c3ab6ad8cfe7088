package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.port.out.StorageUnavailableException;
import app.todo.application.port.out.TaskRepository;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/{user_id}/events} over HTTP: Server-Sent Events read line by line, as an EventSource would. */
class TaskEventStreamTest extends ApiTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One open stream; its events arrive on a queue as {field: value} maps. */
    private static final class Stream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final BlockingQueue<Map<String, String>> events = new ArrayBlockingQueue<>(1000);
        private final Thread reader;

        Stream(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    Map<String, String> event = new LinkedHashMap<>();
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.isEmpty()) {
                            if (!event.isEmpty()) {
                                events.add(event);
                            }
                            event = new LinkedHashMap<>();
                        } else if (line.startsWith(":")) {
                            events.add(Map.of("comment", line));
                        } else {
                            int colon = line.indexOf(':');
                            event.merge(line.substring(0, colon), line.substring(colon + 1).strip(), (a, b) -> a + "\n" + b);
                        }
                    }
                    events.add(Map.of("closed", "true"));
                } catch (IOException e) {
                    events.add(Map.of("closed", e.toString()));
                }
            });
        }

        Map<String, String> next(Duration within) throws InterruptedException {
            Map<String, String> event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(event, "an event within " + within);
            return event;
        }

        /** The next event that is not a heartbeat comment. */
        Map<String, String> nextEvent(Duration within) throws InterruptedException {
            Instant end = Instant.now().plus(within);
            while (true) {
                Map<String, String> event = next(Duration.between(Instant.now(), end).plusMillis(1));
                if (!event.containsKey("comment")) {
                    return event;
                }
            }
        }

        @Override
        public void close() {
            reader.interrupt();
            try {
                response.body().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private Stream open(String path, String bearer, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + bearer);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new Stream(response);
    }

    @Test
    void aChangeArrivesAsOneEventWithAFeedCursorAndAResumeReplaysWhatWasMissed() throws Exception {
        String lastId;
        try (Stream stream = open("/api/" + user + "/events", token)) {
            assertEquals(200, stream.response.statusCode());
            assertTrue(stream.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertEquals("no", stream.response.headers().firstValue("X-Accel-Buffering").orElse(""));
            Map<String, String> ready = stream.nextEvent(Duration.ofSeconds(5));
            assertEquals("ready", ready.get("event"));

            long id = createTask("{\"title\":\"live\"}");
            Map<String, String> created = stream.nextEvent(Duration.ofSeconds(1));
            assertEquals(id, JSON.readTree(created.get("data")).get("id").asLong());
            assertEquals("live", JSON.readTree(created.get("data")).get("title").asText());
            lastId = created.get("id");
        }
        long gone = createTask("{\"title\":\"made while away\"}");
        assertEquals(204, server.send(server.request(tasks + "/" + gone, token).DELETE().build()).statusCode());

        try (Stream resumed = open("/api/" + user + "/events", token, "Last-Event-ID", lastId)) {
            assertEquals("ready", resumed.nextEvent(Duration.ofSeconds(5)).get("event"));
            Map<String, String> tombstone = resumed.nextEvent(Duration.ofSeconds(2));
            assertEquals(gone, JSON.readTree(tombstone.get("data")).get("id").asLong());
            assertTrue(JSON.readTree(tombstone.get("data")).has("deleted_at"),
                    "the task made and deleted while away is one tombstone, as the feed shows it");
        }
    }

    @Test
    void nobodyReceivesAnotherUsersEvents() throws Exception {
        String stranger = "user-stranger-" + java.util.UUID.randomUUID();
        try (Stream theirs = open("/api/" + stranger + "/events", TestTokens.valid(stranger))) {
            assertEquals("ready", theirs.nextEvent(Duration.ofSeconds(5)).get("event"));
            createTask("{\"title\":\"mine only\"}");
            Map<String, String> next = theirs.events.poll(1500, TimeUnit.MILLISECONDS);
            assertTrue(next == null || next.containsKey("comment"), () -> "nothing for the stranger: " + next);
        }
        HttpResponse<String> forbidden = server.get("/api/" + stranger + "/events", token);
        assertProblem(forbidden, 403);
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        // Past its exp already, but still inside the 60 s clock skew for 3 more seconds.
        String shortLived = TestTokens.with(user, claims -> claims.expirationTime(java.util.Date.from(Instant.now().minusSeconds(57))));
        try (Stream stream = open("/api/" + user + "/events", shortLived)) {
            assertEquals("ready", stream.nextEvent(Duration.ofSeconds(5)).get("event"));
            Map<String, String> end = stream.nextEvent(Duration.ofSeconds(15));
            assertEquals("end", end.get("event"), end::toString);
            assertEquals("true", stream.nextEvent(Duration.ofSeconds(5)).get("closed"));
        }
    }

    /** The answer has begun when the database goes away: the stream ends as a client knows to resume from. */
    @Test
    void aStreamWhoseDatabaseGoesAwayEndsWithAnEndEventToResumeFrom() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean away = new java.util.concurrent.atomic.AtomicBoolean();
        try (TestServer failing = TestServer.start(tasks -> feedFailingWhile(tasks, away), () -> true)) {
            HttpRequest request = HttpRequest.newBuilder(failing.uri("/api/" + user + "/events"))
                    .header("Authorization", "Bearer " + token).build();
            try (Stream stream = new Stream(CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream()))) {
                assertEquals("ready", stream.nextEvent(Duration.ofSeconds(5)).get("event"));
                away.set(true);
                assertEquals(201, failing.json("POST", tasks, token, "{\"title\":\"signalled\"}").statusCode());

                Map<String, String> end = stream.nextEvent(Duration.ofSeconds(5));
                assertEquals("end", end.get("event"), end::toString);
                assertTrue(end.get("data").contains("database"), end::toString);
                assertEquals("true", stream.nextEvent(Duration.ofSeconds(5)).get("closed"));
            }
        }
    }

    /** The tasks, whose changes feed cannot be read while {@code away} is set. */
    private static TaskRepository feedFailingWhile(TaskRepository tasks, java.util.concurrent.atomic.AtomicBoolean away) {
        return (TaskRepository) java.lang.reflect.Proxy.newProxyInstance(TaskEventStreamTest.class.getClassLoader(),
                new Class<?>[] {TaskRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("changes") && away.get()) {
                        throw new StorageUnavailableException("the database is away", null);
                    }
                    try {
                        return method.invoke(tasks, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A client whose connections dropped unnoticed must not lock its user out: a new stream ends the oldest. */
    @Test
    void aStreamBeyondTheUsersLimitEndsTheOldestInsteadOfBeingRefused() throws Exception {
        List<Stream> open = new ArrayList<>();
        try {
            for (int i = 0; i < app.todo.application.port.in.FollowTaskChangesUseCase.STREAMS_PER_USER; i++) {
                Stream stream = open("/api/" + user + "/events", token);
                open.add(stream);
                assertEquals("ready", stream.nextEvent(Duration.ofSeconds(5)).get("event"));
            }
            Stream newest = open("/api/" + user + "/events", token);
            open.add(newest);
            assertEquals(200, newest.response.statusCode());
            assertEquals("ready", newest.nextEvent(Duration.ofSeconds(5)).get("event"));
            Map<String, String> end = open.getFirst().nextEvent(Duration.ofSeconds(10));
            assertEquals("end", end.get("event"), end::toString);
            assertTrue(end.get("data").contains("newer stream"), end::toString);
        } finally {
            open.forEach(Stream::close);
        }
    }

    @Test
    void aHeadAnswersTheHeadersAndHoldsNoStream() {
        for (int i = 0; i < app.todo.application.port.in.FollowTaskChangesUseCase.STREAMS_PER_USER + 2; i++) {
            HttpResponse<String> head = server.send(server.request("/api/" + user + "/events", token)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, head.statusCode(), "no stream is left open to count against the limit");
            assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        }
    }

    @Test
    void aCursorThisServiceDidNotGiveIsA422() {
        assertInvalid(server.get("/api/" + user + "/events?since=nonsense", token), "since");
        HttpResponse<String> badHeader = server.send(server.request("/api/" + user + "/events", token)
                .header("Last-Event-ID", "42").build());
        assertInvalid(badHeader, "Last-Event-ID");
    }
}
