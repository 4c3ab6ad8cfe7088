package app.todo.bootstrap;

import io.helidon.logging.common.LogConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** {@code java -jar todo-api.jar}: reads the settings, wires the service, serves until SIGTERM. */
public final class Main {

    static {
        // Before the first logger exists: keep logging through the graceful shutdown (see the class).
        System.setProperty("java.util.logging.manager",
                System.getProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName()));
    }

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        // jOOQ's banner and tips are noise in a service log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Settings settings;
        try {
            settings = Settings.from(lookup(Path.of("application.yaml")));
        } catch (InvalidSettingsException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        configureLogging(settings.logFormat());
        long started = System.nanoTime();
        Optional<String> portProblem = portProblem(settings.host(), settings.port());
        if (portProblem.isPresent()) {
            LOG.severe("The Todo API could not start: " + portProblem.get());
            System.exit(1);
            return;
        }
        Wiring wiring;
        try {
            wiring = Wiring.start(settings, Clock.systemUTC());
        } catch (RuntimeException e) {
            // Start-up failures are configuration or connectivity problems: say which, without a stack trace.
            LOG.severe("The Todo API could not start: " + e.getMessage() + hint(e, settings));
            LOG.log(Level.FINE, "start-up failure", e);
            System.exit(1);
            return;
        }
        // SIGTERM (or SIGINT): not ready but serving for SHUTDOWN_DRAIN, so a load balancer moves away first; then
        // refuse new connections, let running requests finish, and close the pool.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long stopping = System.nanoTime();
            LOG.info("Shutting down: not ready, still serving for " + settings.shutdownDrain().toMillis()
                    + " ms (SHUTDOWN_DRAIN), then refusing new connections and finishing in-flight requests (at most "
                    + Wiring.SHUTDOWN_GRACE.toSeconds() + " s)");
            wiring.drainAndClose(settings.shutdownDrain());
            LOG.info(() -> "Shut down after " + (System.nanoTime() - stopping) / 1_000_000
                    + " ms: requests finished, database pool closed");
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.flush(); // the access log of the last requests, and the lines above
            }
        }, "shutdown"));
        long maxHeapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        if (maxHeapMiB > 160) {
            // A bare java -jar (most container images) gets the JVM's own defaults: a heap of a quarter of the machine.
            LOG.info("Running with the JVM's default heap (up to " + maxHeapMiB + " MiB); bin/run and the "
                    + "package of bin/package start with SerialGC, a 16–96 MiB heap that gives memory back and an AOT cache, for less "
                    + "memory and a faster start (docs/operations.md, \"JVM options\")");
        }
        LOG.info(() -> "Todo API listening on http://localhost:" + wiring.port() + " after "
                + (System.nanoTime() - started) / 1_000_000 + " ms, database " + wiring.database()
                + " (" + settings.describe() + ")");
    }

    /**
     * Whether the port is taken, asked before anything starts: Helidon would log a long bind failure and
     * carry on without a listener. Port 0 (any free port) is never taken.
     */
    static Optional<String> portProblem(String host, int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (BindException e) {
            return Optional.of("port " + port + " is already in use; set PORT to a free port "
                    + "(is another copy of the Todo API running?)");
        } catch (IOException e) {
            return Optional.of("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); check HOST and PORT");
        }
    }

    /** What to do about a known start-up failure. */
    private static String hint(RuntimeException failure, Settings settings) {
        String message = String.valueOf(failure.getMessage());
        if (settings.databaseUrl().isEmpty() && (message.contains("already in use") || message.contains("file is locked"))) {
            return ". Another copy of the Todo API is probably running on the same embedded database ("
                    + settings.dataDirectory().toAbsolutePath() + "): stop it, or give this one its own DATA_DIR.";
        }
        if (message.contains("does not support SSL")) {
            return ". The URL asks for TLS (sslmode=require, as Neon's URLs do) and this server offers none: for a local"
                    + " PostgreSQL, use sslmode=disable or leave sslmode out.";
        }
        return "";
    }

    /** Environment variables win over application.yaml, which is optional and flat ({@code PORT: 8080}). */
    static Function<String, String> lookup(Path yaml) {
        Map<String, String> file = Files.isRegularFile(yaml) ? FlatYaml.read(yaml) : Map.of();
        return key -> {
            String env = System.getenv(key);
            return env != null ? env : file.get(key);
        };
    }

    static void configureLogging(Settings.LogFormat format) {
        try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read logging.properties", e);
        }
        LogConfig.configureRuntime();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFilter(new LogRedaction());
            if (format == Settings.LogFormat.JSON && (handler instanceof ConsoleHandler || handler instanceof AsyncConsoleHandler)) {
                handler.setFormatter(new JsonLogFormatter());
            }
        }
    }
}
