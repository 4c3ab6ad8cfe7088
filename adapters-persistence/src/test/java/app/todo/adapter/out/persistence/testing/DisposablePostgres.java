package app.todo.adapter.out.persistence.testing;

import app.todo.adapter.out.persistence.DatabaseConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, which the test may stop and start again: the shared server is
 * never touched. It runs from the local PostgreSQL binaries ({@code initdb}, {@code pg_ctl}) in a
 * temporary directory on a free port of 127.0.0.1, or, without them, in a Docker container that is
 * stopped and started on a fixed host port. With neither it fails with a message saying what to
 * install: a resilience test that silently skips proves nothing.
 *
 * <p>{@link #close()} stops the server and deletes its data; a JVM shutdown hook does the same for a
 * test that forgot to.
 */
public final class DisposablePostgres implements AutoCloseable {

    /** Overrides where initdb and pg_ctl are looked for, e.g. {@code /usr/lib/postgresql/16/bin}. */
    public static final String BIN_DIRECTORY_VARIABLE = "PG_BIN";
    private static final String DATABASE = "todo";
    private static final String SUPERUSER = "postgres";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Server server;
    private final int port;
    private final Thread cleanup;
    private boolean closed;

    private DisposablePostgres(Server server, int port) {
        this.server = server;
        this.port = port;
        this.cleanup = new Thread(server::destroy, "disposable-postgres-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Creates, starts and waits for a new server with an empty database {@code todo}. */
    public static DisposablePostgres create() {
        // The port is picked free and released before the server binds it (it must stay the same across
        // stop and start), so another process may take it in between: then pick another, a few times.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            try {
                return create(port);
            } catch (RuntimeException e) {
                if (attempt >= 3 || isFree(port)) {
                    throw e;
                }
            }
        }
    }

    private static DisposablePostgres create(int port) {
        Optional<Path> binaries = localBinaries();
        Server server;
        if (binaries.isPresent()) {
            server = LocalServer.init(binaries.get(), port);
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            server = ContainerServer.create(port);
        } else {
            throw new IllegalStateException("No private PostgreSQL for this test: neither initdb/pg_ctl (looked in $"
                    + BIN_DIRECTORY_VARIABLE + ", /usr/lib/postgresql/*/bin and the PATH) nor a Docker engine is "
                    + "available. Install the PostgreSQL server binaries (e.g. apt-get install postgresql) or start Docker.");
        }
        DisposablePostgres postgres = new DisposablePostgres(server, port);
        try {
            postgres.start();
            postgres.execute("postgres", "CREATE DATABASE " + DATABASE);
            return postgres;
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The database on this server, as the service would be configured with it. */
    public DatabaseConfig database(int poolSize) {
        return new DatabaseConfig(jdbcUrl(DATABASE), SUPERUSER, server.password(), poolSize);
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, on the same port and data) and returns once it accepts connections. */
    public void start() {
        server.start();
        awaitAcceptingConnections();
    }

    /** A clean, fast shutdown: PostgreSQL terminates every session (SQL state 57P01) and stops. */
    public void stop() {
        server.stop("fast");
    }

    /** Like a crash: no shutdown checkpoint; the next start recovers from the write-ahead log. */
    public void kill() {
        server.stop("immediate");
    }

    /** Whether a new connection succeeds right now. */
    public boolean acceptsConnections() {
        try (Connection ignored = open("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A plain JDBC connection to the test database, outside any pool (to hold locks, to look behind the service). */
    public Connection connect() throws SQLException {
        return open(DATABASE);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.destroy();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private void awaitAcceptingConnections() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = open("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        throw new IllegalStateException("the private PostgreSQL on port " + port + " did not accept connections within "
                + READY_WITHIN.toSeconds() + " s" + (last == null ? "" : ": " + last.getMessage()) + server.diagnostics());
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private Connection open(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private void execute(String database, String sql) {
        try (Connection connection = open(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("private PostgreSQL setup failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    /** Whether nothing listens on {@code port} of 127.0.0.1 (checked after a failed start: ours is gone by then). */
    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static Optional<Path> localBinaries() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv(BIN_DIRECTORY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing(DisposablePostgres::majorVersion).reversed())
                        .map(version -> version.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(entry));
            }
        }
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
    }

    private static int majorVersion(Path directory) {
        try {
            return Integer.parseInt(directory.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The two ways of running the server. */
    private interface Server {
        void start();

        void stop(String mode);

        /** Stops the server if it runs and deletes everything it had; safe to call twice. */
        void destroy();

        String password();

        String diagnostics();
    }

    /** initdb into a temporary directory, pg_ctl to start and stop; as the postgres user when we are root. */
    private static final class LocalServer implements Server {

        private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

        private final Path bin;
        private final Path directory;
        private final Path data;
        private final Path log;
        private final int port;
        private final boolean asPostgresUser;

        private LocalServer(Path bin, Path directory, int port, boolean asPostgresUser) {
            this.bin = bin;
            this.directory = directory;
            this.data = directory.resolve("data");
            this.log = directory.resolve("postgres.log");
            this.port = port;
            this.asPostgresUser = asPostgresUser;
        }

        static LocalServer init(Path bin, int port) {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path directory;
            try {
                directory = Files.createTempDirectory("todo-pg-");
                if (root) {
                    // initdb refuses to run as root; the cluster belongs to the postgres user.
                    hand(directory, SUPERUSER);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for a private PostgreSQL", e);
            }
            LocalServer server = new LocalServer(bin, directory, port, root);
            try {
                server.run("initdb", "-D", server.data.toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                        "--locale=C", "--no-sync");
            } catch (RuntimeException e) {
                server.deleteDirectory();
                throw e;
            }
            return server;
        }

        @Override
        public void start() {
            // Unix sockets in our own directory: nothing shared with the system server.
            String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory
                    + " -c fsync=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=16MB";
            run("pg_ctl", "start", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "-o", options);
        }

        @Override
        public void stop(String mode) {
            run("pg_ctl", "stop", "-D", data.toString(), "-m", mode, "-w", "-t", "60");
        }

        @Override
        public synchronized void destroy() {
            if (!Files.isDirectory(directory)) {
                return;
            }
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    stop("immediate");
                } catch (RuntimeException e) {
                    System.err.println("could not stop the private PostgreSQL in " + data + ": " + e.getMessage());
                }
            }
            deleteDirectory();
        }

        @Override
        public String password() {
            return null;
        }

        @Override
        public String diagnostics() {
            try {
                List<String> lines = Files.readAllLines(log);
                return "\nlast lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            } catch (IOException e) {
                return "";
            }
        }

        private void run(String program, String... arguments) {
            List<String> command = new ArrayList<>();
            if (asPostgresUser) {
                command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
            }
            command.add(bin.resolve(program).toString());
            command.addAll(List.of(arguments));
            try {
                Path output = Files.createTempFile("todo-pg-cmd-", ".log");
                try {
                    Process process = new ProcessBuilder(command).redirectErrorStream(true)
                            .redirectOutput(output.toFile()).start();
                    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                                + COMMAND_TIMEOUT.toSeconds() + " s");
                    }
                    if (process.exitValue() != 0) {
                        throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                                + process.exitValue() + ":\n" + Files.readString(output) + diagnostics());
                    }
                } finally {
                    Files.deleteIfExists(output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command, e);
            }
        }

        private void deleteDirectory() {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + directory + ": " + e.getMessage());
            }
        }

        private static void hand(Path directory, String owner) throws IOException {
            UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
            UserPrincipal user = users.lookupPrincipalByName(owner);
            GroupPrincipal group = users.lookupPrincipalByGroupName(owner);
            PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
            view.setOwner(user);
            view.setGroup(group);
        }
    }

    /**
     * A container bound to a fixed host port, so that the service's URL stays valid across a stop and a
     * start (Testcontainers' own {@code stop()} would remove it, and a new one would get another port).
     */
    private static final class ContainerServer implements Server {

        private final PostgreSQLContainer<?> container;

        private ContainerServer(PostgreSQLContainer<?> container) {
            this.container = container;
        }

        @SuppressWarnings("resource")
        static ContainerServer create(int port) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine")
                    .withUsername(SUPERUSER)
                    .withPassword("test")
                    .withDatabaseName("postgres")
                    .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                            new PortBinding(new Ports.Binding("127.0.0.1", String.valueOf(port)), ExposedPort.tcp(5432))));
            return new ContainerServer(container);
        }

        @Override
        public void start() {
            if (container.getContainerId() == null) {
                container.start();
            } else {
                container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
            }
        }

        @Override
        public void stop(String mode) {
            // "fast" is docker stop (SIGTERM to the postmaster, a fast shutdown); "immediate" is docker kill.
            if ("immediate".equals(mode)) {
                container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
            } else {
                container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
            }
        }

        @Override
        public void destroy() {
            container.stop();
        }

        @Override
        public String password() {
            return "test";
        }

        @Override
        public String diagnostics() {
            return container.getContainerId() == null ? "" : "\ncontainer log:\n" + container.getLogs();
        }
    }
}
