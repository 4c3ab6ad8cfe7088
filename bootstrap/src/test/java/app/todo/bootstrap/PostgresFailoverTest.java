package app.todo.bootstrap;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.testing.Polling;
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
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL fails over under load, with a real HA manager (docs/operations.md, "High availability"): a
 * pg_auto_failover primary with a synchronous standby, the service given both hosts, once in PgJDBC's multi-host
 * form and once in libpq's ({@code postgres://…,…?target_session_attrs=read-write}). Eight writers create tasks
 * through both; the primary's keeper and postmaster are killed with SIGKILL. Afterwards every create acknowledged
 * with a {@code 201} is there, the only failures were {@code 503}s, and writes came back once the standby was
 * promoted. Prints the figures; asserts no timing.
 */
class PostgresFailoverTest {

    private static final int WRITERS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
    private static final int ACKNOWLEDGED_AFTER_PROMOTION = 300;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    record Acknowledged(String user, long id, String title, long sentAtNanos) {
    }

    @Test
    void noAcknowledgedCreateIsLostWhenThePrimaryIsKilledAndTheStandbyTakesOver() throws Exception {
        try (AutoFailoverCluster cluster = AutoFailoverCluster.start();
             ServiceProcess jdbcForm = ServiceProcess.start("jdbc-form", Map.of("DATABASE_URL", cluster.jdbcUrl(),
                     "DB_POOL_SIZE", "4", "BETTER_AUTH_SECRET", TestTokens.SECRET));
             ServiceProcess libpqForm = ServiceProcess.start("libpq-form", Map.of("DATABASE_URL", cluster.postgresUrl(),
                     "DB_POOL_SIZE", "4", "BETTER_AUTH_SECRET", TestTokens.SECRET))) {
            jdbcForm.awaitReady(Duration.ofSeconds(90));
            libpqForm.awaitReady(Duration.ofSeconds(90));

            Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            Queue<String> badAnswers = new ConcurrentLinkedQueue<>();
            AtomicInteger unavailable = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
            AtomicInteger acknowledgedAfterKill = new AtomicInteger();
            AtomicLong firstWriteAfterKill = new AtomicLong(Long.MAX_VALUE);
            AtomicLong promotedAt = new AtomicLong();
            AtomicLong firstJdbc = new AtomicLong(Long.MAX_VALUE);
            AtomicLong firstLibpq = new AtomicLong(Long.MAX_VALUE);

            List<Future<?>> writers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
                for (int w = 0; w < WRITERS; w++) {
                    ServiceProcess target = w % 2 == 0 ? jdbcForm : libpqForm;
                    String user = "failover-" + w + "-" + UUID.randomUUID();
                    String token = TestTokens.valid(user);
                    writers.add(pool.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String title = "Task " + i + " of " + user;
                            long sentAt = System.nanoTime();
                            HttpResponse<String> response;
                            try {
                                response = CLIENT.send(HttpRequest.newBuilder(target.uri("/api/" + user + "/tasks"))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
                                        .build(), HttpResponse.BodyHandlers.ofString());
                            } catch (IOException e) {
                                badAnswers.add("no answer from a live instance: " + e);
                                continue;
                            }
                            if (response.statusCode() == 201) {
                                acknowledged.add(new Acknowledged(user, JSON.readTree(response.body()).get("id").asLong(),
                                        title, sentAt));
                                if (sentAt > killedAt.get()) {
                                    firstWriteAfterKill.accumulateAndGet(System.nanoTime(), Math::min);
                                    (target == jdbcForm ? firstJdbc : firstLibpq).accumulateAndGet(System.nanoTime(), Math::min);
                                    acknowledgedAfterKill.incrementAndGet();
                                }
                            } else if (response.statusCode() == 503) {
                                unavailable.incrementAndGet();
                                Thread.sleep(100); // as a client honouring Retry-After would, if more eagerly
                            } else {
                                badAnswers.add(response.statusCode() + ": " + response.body());
                            }
                        }
                        return null;
                    }));
                }
                Polling.await(RUN_LIMIT, ACKNOWLEDGED_BEFORE_KILL + " creates acknowledged before the kill",
                        () -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL || writers.stream().anyMatch(Future::isDone));
                cluster.killPrimary();
                killedAt.set(System.nanoTime()); // from here on, a write can only succeed on the promoted standby
                Polling.await(RUN_LIMIT, "the monitor promotes the standby", () -> {
                    String standby = cluster.states().get("node1");
                    return "wait_primary".equals(standby) || "primary".equals(standby);
                });
                promotedAt.set(System.nanoTime());
                Polling.await(RUN_LIMIT, ACKNOWLEDGED_AFTER_PROMOTION + " creates acknowledged after the kill",
                        () -> acknowledgedAfterKill.get() >= ACKNOWLEDGED_AFTER_PROMOTION
                                || writers.stream().anyMatch(Future::isDone));
                stop.set(true);
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            }
            Map<String, String> states = cluster.states();
            System.out.printf("failover under load: %d creates acknowledged (%d after the kill), %d x 503; standby promoted "
                            + "%.1f s after the kill; first write %.1f s after the promotion (%.1f s through the JDBC URL, "
                            + "%.1f s through the libpq URL); monitor: %s%n",
                    acknowledged.size(), acknowledgedAfterKill.get(), unavailable.get(),
                    (promotedAt.get() - killedAt.get()) / 1e9, (firstWriteAfterKill.get() - promotedAt.get()) / 1e9,
                    (firstJdbc.get() - promotedAt.get()) / 1e9, (firstLibpq.get() - promotedAt.get()) / 1e9, states);

            assertEquals(List.of(), List.copyOf(badAnswers), () -> "only 201 or 503, from both URL forms\n" + cluster.logs());
            assertTrue(acknowledgedAfterKill.get() >= ACKNOWLEDGED_AFTER_PROMOTION,
                    () -> "writes came back after the promotion; monitor: " + states + "\n" + cluster.logs());
            assertEquals("wait_primary", states.get("node1"), "the standby was promoted");

            List<Acknowledged> missing = new ArrayList<>();
            for (Acknowledged task : acknowledged) {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                                jdbcForm.uri("/api/" + task.user() + "/tasks/" + task.id()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + TestTokens.valid(task.user()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200
                        || !task.title().equals(JSON.readTree(response.body()).get("title").asText())) {
                    missing.add(task);
                }
            }
            assertEquals(List.of(), missing, "every create acknowledged with 201 survived the failover");
        }
    }
}
