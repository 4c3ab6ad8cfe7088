package app.todo.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A live stream ({@code GET /api/{user_id}/events}) opened over HTTP, its lines arriving on a queue as they come. */
final class EventStreamLines implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final int status;
    private final InputStream body;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private EventStreamLines(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // closed by the test
            }
        });
    }

    static EventStreamLines open(String baseUrl, String user, String bearer) throws Exception {
        return new EventStreamLines(CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/" + user + "/events"))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** The next line, or null when none comes within {@code seconds}. */
    String next(int seconds) throws InterruptedException {
        return lines.poll(seconds, TimeUnit.SECONDS);
    }

    /** The first line containing {@code text} within {@code seconds} of each other, or null. */
    String await(String text, int seconds) throws InterruptedException {
        for (String line = next(seconds); line != null; line = next(seconds)) {
            if (line.contains(text)) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
