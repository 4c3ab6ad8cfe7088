package app.todo.bootstrap;

import app.todo.application.testing.Polling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A pg_auto_failover formation of the test's own (Debian's {@code postgresql-15-auto-failover}): a monitor, a
 * primary and a synchronous standby, each a local PostgreSQL on a free port of 127.0.0.1 with its keeper
 * ({@code pg_autoctl run}). Under root the keepers run as {@code postgres}, which PostgreSQL requires. The monitor
 * checks health every second and waits 5 s for a lost primary to demote itself, so a dead primary is replaced in
 * seconds rather than pg_auto_failover's default of about half a minute.
 * {@link #close()} kills every process and deletes every file; a JVM shutdown hook does the same.
 */
final class AutoFailoverCluster implements AutoCloseable {

    static final Path PG_AUTOCTL = Path.of("/usr/bin/pg_autoctl");
    private static final String DATABASE = "todo";
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Path work;
    private final Path binaries;
    private final int monitorPort;
    private final int[] nodePorts = new int[2];
    private final List<Process> keepers = new ArrayList<>();
    private final Thread cleanup = new Thread(this::destroy, "auto-failover-cleanup");

    private AutoFailoverCluster(Path work, Path binaries) {
        this.work = work;
        this.binaries = binaries;
        this.monitorPort = LocalPorts.free();
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Starts the monitor, then node 0 as primary and node 1 as its synchronous standby; returns once both are so. */
    static AutoFailoverCluster start() throws Exception {
        if (!Files.isExecutable(PG_AUTOCTL)) {
            fail("pg_autoctl is not installed (Debian: apt-get install postgresql-15-auto-failover; .ci/run installs it): "
                    + "this test fails over a real pg_auto_failover formation");
        }
        Path binaries = Stream.of("15", "16", "17").map(v -> Path.of("/usr/lib/postgresql", v, "bin"))
                .filter(dir -> Files.isExecutable(dir.resolve("pg_ctl"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql"));
        Path work = Files.createTempDirectory("todo-auto-failover");
        // The keepers run as postgres under root; they must reach these directories.
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        AutoFailoverCluster cluster = new AutoFailoverCluster(work, binaries);
        try {
            cluster.startMonitor();
            for (int node = 0; node < 2; node++) {
                cluster.startNode(node);
            }
            cluster.awaitStates(Map.of("node0", "primary", "node1", "secondary"));
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:p0,127.0.0.1:p1/todo?…}: PgJDBC tries both for the primary. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + nodePorts[0] + ",127.0.0.1:" + nodePorts[1] + "/" + DATABASE
                + "?user=postgres&targetServerType=primary";
    }

    /** The same in libpq's form, as a managed offering writes it. */
    String postgresUrl() {
        return "postgres://postgres@127.0.0.1:" + nodePorts[0] + ",127.0.0.1:" + nodePorts[1] + "/" + DATABASE
                + "?target_session_attrs=read-write";
    }

    /** SIGKILL of node 0's keeper (with its children) and of its postmaster: the primary is gone without a word. */
    void killPrimary() throws Exception {
        killKeeper("node0");
        Path pid = work.resolve("node0/postmaster.pid");
        if (Files.exists(pid)) {
            run(List.of("kill", "-9", Files.readAllLines(pid).getFirst().strip()));
        }
    }

    /** Waits until the monitor reports these nodes in these states (reported and assigned alike). */
    void awaitStates(Map<String, String> expected) {
        Polling.await(READY_WITHIN, "pg_auto_failover states " + expected, () -> {
            Map<String, String> states = states();
            if (states.containsKey("node1") && !"secondary".equals(states.get("node1"))) {
                checkpoint(0); // the standby's pg_basebackup waits for a (spread) checkpoint: make it now
            }
            return expected.entrySet().stream().allMatch(e -> e.getValue().equals(states.get(e.getKey())));
        });
    }

    /** Each node's name to its state, {@code "reported/assigned"} when the two differ; a description on failure. */
    Map<String, String> states() {
        Map<String, String> states = new HashMap<>();
        try (Connection monitor = connect(monitorPort, "pg_auto_failover"); Statement statement = monitor.createStatement();
             ResultSet rows = statement.executeQuery("select nodename, reportedstate, goalstate from pgautofailover.node")) {
            while (rows.next()) {
                String reported = rows.getString(2);
                String assigned = rows.getString(3);
                states.put(rows.getString(1), reported.equals(assigned) ? reported : reported + "/" + assigned);
            }
        } catch (SQLException notYet) {
            states.put("error", notYet.getMessage());
        }
        return states;
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void startMonitor() throws Exception {
        keepers.add(keeper("monitor", List.of("create", "monitor", "--pgdata", work.resolve("monitor").toString(),
                "--pgport", String.valueOf(monitorPort), "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl", "--run")));
        Polling.await(READY_WITHIN, "the pg_auto_failover monitor accepts connections", () -> {
            try (Connection ignored = connect(monitorPort, "pg_auto_failover")) {
                return true;
            } catch (SQLException notYet) {
                return false;
            }
        });
        try (Connection monitor = connect(monitorPort, "pg_auto_failover"); Statement statement = monitor.createStatement()) {
            for (String setting : List.of("health_check_period = 1000", "health_check_timeout = 1000",
                    "health_check_max_retries = 1", "health_check_retry_delay = 500",
                    "node_considered_unhealthy_timeout = 2000",
                    // how long the monitor waits for an unreachable primary to demote itself before it promotes
                    // the standby (30 s by default: the safe wait when the old primary may still be running)
                    "primary_demote_timeout = 5000")) {
                statement.execute("alter system set pgautofailover." + setting);
            }
            statement.execute("select pg_reload_conf()");
        }
    }

    private void startNode(int node) throws Exception {
        nodePorts[node] = LocalPorts.free();
        keepers.add(keeper("node" + node, List.of("create", "postgres", "--pgdata", work.resolve("node" + node).toString(),
                "--pgport", String.valueOf(nodePorts[node]), "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl",
                "--name", "node" + node, "--dbname", DATABASE,
                "--monitor", "postgres://autoctl_node@127.0.0.1:" + monitorPort + "/pg_auto_failover?sslmode=disable",
                "--run")));
        if (node == 0) {
            awaitStates(Map.of("node0", "single"));
        }
    }

    /** A keeper in a session of its own (so its children can be killed with it), logging to a file. */
    private Process keeper(String name, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of("env", "PATH=" + binaries + ":/usr/bin:/bin", "HOME=" + work,
                "XDG_CONFIG_HOME=" + work.resolve("config"), "XDG_DATA_HOME=" + work.resolve("data"),
                "XDG_RUNTIME_DIR=" + work.resolve("run"), "setsid", PG_AUTOCTL.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    /** SIGKILL of the keeper of {@code dir} and of its children ("start/stop postgres", "node active"). */
    private void killKeeper(String dir) throws Exception {
        String marker = "--pgdata " + work.resolve(dir);
        long ours = processGroup(ProcessHandle.current().pid());
        // The keeper itself, not runuser or env before it: those are in this JVM's own process group.
        List<Long> groups = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/pg_autoctl")).orElse(false)
                        && p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(p -> processGroup(p.pid())).filter(g -> g > 1 && g != ours).distinct().toList();
        for (long group : groups) {
            run(List.of("kill", "-9", "--", "-" + group));
        }
    }

    private static long processGroup(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "pgid=", "-p", String.valueOf(pid)).redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes()).strip();
            ps.waitFor(10, TimeUnit.SECONDS);
            return out.isEmpty() ? -1 : Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void checkpoint(int node) {
        try (Connection connection = connect(nodePorts[node], DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        } catch (SQLException notYet) {
            // not up yet; the next poll tries again
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database
                + "?user=postgres&connectTimeout=2&socketTimeout=10");
    }

    private synchronized void destroy() {
        try {
            for (String dir : List.of("node0", "node1", "monitor")) {
                killKeeper(dir);
            }
            keepers.forEach(Process::destroyForcibly);
            for (String dir : List.of("node0", "node1", "monitor")) {
                Path pid = work.resolve(dir).resolve("postmaster.pid");
                if (Files.exists(pid)) {
                    run(List.of("kill", "-9", Files.readAllLines(pid).getFirst().strip()));
                }
            }
            Thread.sleep(500);
            if (Files.exists(work)) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The keepers' logs, for a failure message. */
    String logs() {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("monitor", "node0", "node1")) {
            try {
                List<String> lines = Files.readAllLines(work.resolve(name + ".log"));
                logs.append("--- ").append(name).append(" (last 20 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))).append('\n');
            } catch (IOException e) {
                logs.append("--- ").append(name).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return logs.toString();
    }
}
