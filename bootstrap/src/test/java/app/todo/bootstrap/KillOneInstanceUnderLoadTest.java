package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.OpenApiContract;
import app.todo.application.testing.Polling;
import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.persistence.testing.DisposablePostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service processes on one PostgreSQL, clients creating tasks on both; one is killed with SIGKILL
 * mid-run. Every task acknowledged with a 201, by either instance, must be there afterwards, and the
 * dead instance's failures must be connection failures, never a 5xx. Prints figures; asserts no timing.
 */
class KillOneInstanceUnderLoadTest {

    private static final int CLIENTS = 8;
    private static final int CREATES_PER_CLIENT = 120;
    /** The victim dies once this many creates were acknowledged, i.e. well inside the run. */
    private static final int KILL_AFTER_ACKNOWLEDGED = CLIENTS * CREATES_PER_CLIENT / 4;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    record Acknowledged(String user, long id, String title) {
    }

    @Test
    void everyAcknowledgedCreateSurvivesTheSigkillOfOneInstance() throws Exception {
        try (DisposablePostgres postgres = DisposablePostgres.create()) {
            Map<String, String> env = Map.of(
                    "DATABASE_URL", RunningService.databaseUrl(postgres.database(8)),
                    "DB_POOL_SIZE", "8",
                    "BETTER_AUTH_SECRET", TestTokens.SECRET);
            try (ServiceProcess victim = ServiceProcess.start("victim", env);
                 ServiceProcess survivor = ServiceProcess.start("survivor", env)) {
                // Both start at once on an empty database: migrations must not trip over each other either.
                victim.awaitReady(Duration.ofSeconds(90));
                survivor.awaitReady(Duration.ofSeconds(90));

                Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
                Queue<String> badAnswers = new ConcurrentLinkedQueue<>();
                AtomicInteger victimConnectionFailures = new AtomicInteger();
                AtomicInteger victimCreated = new AtomicInteger();
                AtomicInteger survivorCreated = new AtomicInteger();
                AtomicBoolean killed = new AtomicBoolean();

                List<Future<?>> clients = new ArrayList<>();
                try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
                    for (int c = 0; c < CLIENTS; c++) {
                        String user = "load-" + c + "-" + UUID.randomUUID();
                        String token = TestTokens.valid(user);
                        clients.add(pool.submit(() -> {
                            for (int i = 0; i < CREATES_PER_CLIENT; i++) {
                                ServiceProcess target = i % 2 == 0 ? victim : survivor;
                                String title = "Task " + i + " of " + user;
                                HttpRequest request = HttpRequest.newBuilder(target.uri("/api/" + user + "/tasks"))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
                                        .build();
                                HttpResponse<String> response;
                                try {
                                    response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                                } catch (IOException connectionFailure) {
                                    if (target == victim && killed.get()) {
                                        victimConnectionFailures.incrementAndGet();
                                    } else {
                                        badAnswers.add((target == victim ? "victim" : "survivor")
                                                + " failed to answer while alive: " + connectionFailure);
                                    }
                                    continue;
                                }
                                try {
                                    OpenApiContract.check("POST", request.uri().getPath(), response);
                                } catch (AssertionError outsideTheContract) {
                                    badAnswers.add((target == victim ? "victim" : "survivor")
                                            + " answered outside the OpenAPI document: " + outsideTheContract.getMessage());
                                    continue;
                                }
                                if (response.statusCode() == 201) {
                                    long id = JSON.readTree(response.body()).get("id").asLong();
                                    acknowledged.add(new Acknowledged(user, id, title));
                                    (target == victim ? victimCreated : survivorCreated).incrementAndGet();
                                } else {
                                    badAnswers.add(response.statusCode() + " from " + (target == victim ? "victim" : "survivor")
                                            + ": " + response.body());
                                }
                            }
                            return null;
                        }));
                    }

                    Polling.await(RUN_LIMIT, KILL_AFTER_ACKNOWLEDGED + " creates acknowledged",
                            () -> acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED || clients.stream().allMatch(Future::isDone));
                    killed.set(true);
                    victim.kill();
                    for (Future<?> client : clients) {
                        client.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
                    }
                }
                System.out.printf("kill-one-instance load: %d acknowledged (%d by the victim, %d by the survivor), "
                                + "%d connection failures on the victim after SIGKILL%n",
                        acknowledged.size(), victimCreated.get(), survivorCreated.get(),
                        victimConnectionFailures.get());

                assertEquals(List.of(), List.copyOf(badAnswers), "no 5xx, no other status, no failure of a live instance");
                assertTrue(victimCreated.get() > 0, "the victim served before it died");
                assertTrue(victimConnectionFailures.get() > 0, "the victim died mid-run, with requests still coming");
                assertTrue(survivorCreated.get() > KILL_AFTER_ACKNOWLEDGED / 2, "the survivor kept serving");

                List<Acknowledged> missing = new ArrayList<>();
                for (Acknowledged task : acknowledged) {
                    HttpRequest read = HttpRequest.newBuilder(survivor.uri("/api/" + task.user() + "/tasks/" + task.id()))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + TestTokens.valid(task.user()))
                            .build();
                    HttpResponse<String> response = CLIENT.send(read, HttpResponse.BodyHandlers.ofString());
                    OpenApiContract.check("GET", read.uri().getPath(), response);
                    if (response.statusCode() != 200
                            || !task.title().equals(JSON.readTree(response.body()).get("title").asText())) {
                        missing.add(task);
                    }
                }
                assertEquals(List.of(), missing, "every task acknowledged with 201 is there");
            }
        }
    }
}
