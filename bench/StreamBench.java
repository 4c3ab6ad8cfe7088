import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live stream's figures (bench/streams.sh), run with the JDK's source launcher, JDK only:
 *
 *   java bench/StreamBench.java BASE_URL TOKENS_FILE SERVER_PID STREAMS WRITES_PER_SECOND SECONDS
 *
 * Opens STREAMS streams (user bench-i with line i of TOKENS_FILE, one stream each) and waits for every
 * "ready"; prints the service's resident memory before and after, per stream. Then creates tasks at
 * WRITES_PER_SECOND for SECONDS, each for a random one of those users, and times from the moment the POST's
 * 201 came back (the write has committed by then) to the moment the event reached its stream: p50, p99, max,
 * and how many events never came. Prints lines "STREAMS key=value ...". Figures, not a test.
 */
public class StreamBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> tokens = Files.readAllLines(Path.of(args[1]));
        long pid = Long.parseLong(args[2]);
        int streams = Integer.parseInt(args[3]);
        int perSecond = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        long rssBefore = rssKib(pid);
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(streams);
        List<InputStream> bodies = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < streams; i++) {
            String user = "bench-" + i;
            String token = tokens.get(i);
            Thread.ofVirtual().start(() -> {
                try {
                    HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                                    URI.create(base + "/api/" + user + "/events"))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
                    bodies.add(response.body());
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.equals("event: ready")) {
                                ready.countDown();
                            } else if (line.startsWith("data: ") && line.contains("\"title\":\"w-")) {
                                long now = System.nanoTime();
                                int start = line.indexOf("\"title\":\"w-") + 9;
                                String title = line.substring(start, line.indexOf('"', start));
                                Long answered = answeredAt.remove(title);
                                if (answered != null) {
                                    latenciesMicros.add(Math.max(0, now - answered) / 1000);
                                } else {
                                    answeredAt.put(title, -now); // came before its 201: latency 0
                                }
                            }
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // closed at the end
                }
            });
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            System.out.println("STREAMS error=only " + (streams - ready.getCount()) + " of " + streams + " streams opened");
            System.exit(1);
        }
        Thread.sleep(2000);
        long rssAfter = rssKib(pid);
        System.out.printf("STREAMS open=%d rss_before_mib=%.1f rss_after_mib=%.1f kib_per_stream=%.1f%n", streams,
                rssBefore / 1024.0, rssAfter / 1024.0, (rssAfter - rssBefore) / (double) streams);

        ScheduledExecutorService writer = Executors.newScheduledThreadPool(4);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.Random random = new java.util.Random(7);
        writer.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            int who = random.nextInt(streams);
            String title = "w-" + n;
            client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/bench-" + who + "/tasks"))
                            .header("Authorization", "Bearer " + tokens.get(who))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                long now = System.nanoTime();
                if (response.statusCode() != 201) {
                    failed.incrementAndGet();
                    return;
                }
                Long early = answeredAt.remove(title);
                if (early != null && early < 0) {
                    latenciesMicros.add(0L);
                } else {
                    answeredAt.put(title, now);
                }
            });
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        writer.shutdownNow();
        Thread.sleep(3000);
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("STREAMS writes=%d failed=%d events=%d missing=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                sent.get(), failed.get(), sorted.size(), sent.get() - failed.get() - sorted.size(),
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.getLast() / 1000.0);
        for (InputStream body : bodies) {
            body.close();
        }
        System.exit(0);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1000.0;
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
