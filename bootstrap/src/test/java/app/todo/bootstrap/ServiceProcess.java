package app.todo.bootstrap;

import app.todo.application.testing.Polling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The service as its own operating-system process ({@code app.todo.bootstrap.Main} on this test's class
 * path), so that a test can kill it with SIGKILL or stop it with SIGTERM like a platform would. Listens
 * on a free port of 127.0.0.1; its output goes to a file that failures quote.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path directory;
    private final Path output;

    private ServiceProcess(String name, Process process, int port, Path directory, Path output) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.directory = directory;
        this.output = output;
    }

    /** Starts Main with these environment variables (plus PORT and HOST); does not wait for it. */
    static ServiceProcess start(String name, Map<String, String> environment) {
        // The port is picked free and released before the process binds it, so another process may take
        // it in between; the service then exits at once saying so. Start again on another port, a few times.
        for (int attempt = 1; ; attempt++) {
            ServiceProcess started;
            try {
                started = start(name, environment, freePort());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port for " + name, e);
            }
            if (attempt >= 3 || !started.lostItsPort()) {
                return started;
            }
            started.close();
        }
    }

    /**
     * Whether the process ended at start-up because its port was taken. Waits (at most 60 s) until it
     * either says it is listening or exits; any other outcome is left for the caller to see.
     */
    private boolean lostItsPort() {
        String out = Polling.until(Duration.ofSeconds(60), this::output,
                said -> said.contains("Todo API listening on") || !process.isAlive());
        return out.contains("port " + port + " is already in use");
    }

    /** Like {@link #start(String, Map)} on the given port, which may be taken. */
    static ServiceProcess start(String name, Map<String, String> environment, int port) {
        return start(name, environment, port, "256m");
    }

    /** Like {@link #start(String, Map)} with the heap bin/run gives it ({@code -Xmx96m}, as {@code bin/jvm-options.sh}). */
    static ServiceProcess startWithRunsHeap(String name, Map<String, String> environment) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            return start(name, environment, port, "96m");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceProcess start(String name, Map<String, String> environment, int port, String maxHeap) {
        try {
            // Its own working directory: no application.yaml or ./data of the build is picked up.
            Path directory = Files.createTempDirectory("todo-" + name + "-");
            Path output = directory.resolve("service.log");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
            env.putAll(new HashMap<>(environment));
            env.put("PORT", String.valueOf(port));
            env.put("HOST", "127.0.0.1");
            return new ServiceProcess(name, builder.start(), port, directory, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the service process " + name, e);
        }
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Returns once {@code /health/ready} answers 200; fails with the process's output if it exits or stays unready. */
    void awaitReady(Duration limit) {
        Polling.await(limit, name + " answers /health/ready with 200", () -> {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + " before it was ready:\n" + output());
            }
            try {
                HttpResponse<Void> ready = CLIENT.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                return ready.statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** SIGKILL: no shutdown hook, no goodbye; in-flight requests die with their connections. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Waits for the process to end by itself (at most a minute); returns its exit code. */
    int awaitOwnExit() {
        return awaitExit();
    }

    /** SIGTERM: Main's shutdown hook runs; returns the exit code. */
    int terminate() {
        process.destroy();
        return awaitExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                kill();
            }
        } finally {
            try {
                Files.deleteIfExists(output);
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                System.err.println("could not delete " + directory + ": " + e.getMessage());
            }
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(name + " did not exit within 60 s:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
