package app.todo.adapter.out.persistence.jooq;

import app.todo.adapter.out.persistence.DatabaseConfig;
import app.todo.application.port.out.TaskChangeSignals;
import app.todo.domain.user.UserId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Change signals for the live stream (docs/api.md, "Live stream"). A write on this instance signals its own
 * subscribers once it has committed. Other instances hear of it from PostgreSQL: after commit the user's id joins a
 * batch that one connection per instance sends as {@code pg_notify('todo_task_changes', user_id)} every few
 * milliseconds, and one connection per instance listens. Not inside the write's transaction: PostgreSQL serializes
 * the commits of transactions that notify, which cut creates to a third. A signal lost between a commit and its
 * batch costs latency only: a stream reads the feed again at every heartbeat. A transaction-mode pooler cannot
 * keep a {@code LISTEN} (it has no session), so behind one the instance asks instead, twice a second, where the
 * followed users' sequences stand. The embedded default runs in one process: its own signals are all there is.
 */
final class DatabaseTaskChangeSignals implements TaskChangeSignals, AutoCloseable {

    static final String CHANNEL = "todo_task_changes";
    private static final System.Logger LOG = System.getLogger(DatabaseTaskChangeSignals.class.getName());
    private static final int LISTEN_WAIT_MILLIS = 5_000;
    private static final long POLL_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1_000;

    private final DatabaseConfig config;
    private final Map<String, Set<Runnable>> subscribers = new ConcurrentHashMap<>();
    private static final long BATCH_MILLIS = 5;
    private final java.util.concurrent.BlockingQueue<String> pending = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean closed;
    private boolean listenFailing;
    private Thread watcher;
    private Thread notifier;

    DatabaseTaskChangeSignals(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public Subscription subscribe(UserId owner, Runnable onChange) {
        subscribers.computeIfAbsent(owner.value(), o -> new CopyOnWriteArraySet<>()).add(onChange);
        startWatching();
        return () -> subscribers.computeIfPresent(owner.value(), (o, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    /** A write of this owner's tasks has committed on this instance: tell its streams here, and the others. */
    void committed(String owner) {
        signal(owner);
        if (config.isPostgres() && !config.behindTransactionPooler() && !closed) {
            pending.add(owner);
            startNotifying();
        }
    }

    private synchronized void startNotifying() {
        if (notifier == null && !closed) {
            notifier = Thread.ofPlatform().daemon().name("task-change-notifier").start(this::notifyOthers);
        }
    }

    /**
     * Sends the committed owners in batches, one statement per batch, on a connection of its own, opened when
     * there is something to send. During a database outage it says so once, not once a batch.
     */
    private void notifyOthers() {
        Connection connection = null;
        PreparedStatement notify = null;
        boolean failing = false;
        while (!closed) {
            String first;
            try {
                first = pending.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                continue;
            }
            java.util.Set<String> batch = new java.util.HashSet<>();
            batch.add(first);
            pause(BATCH_MILLIS);
            pending.drainTo(batch);
            try {
                if (connection == null) {
                    connection = open();
                    notify = connection.prepareStatement("select pg_notify('" + CHANNEL + "', owner) from unnest(?) as owner");
                }
                notify.setArray(1, connection.createArrayOf("varchar", batch.toArray()));
                notify.execute();
                if (failing) {
                    LOG.log(System.Logger.Level.INFO, "notifying other instances of task changes works again");
                    failing = false;
                }
            } catch (SQLException | RuntimeException e) {
                closeQuietly(connection);
                connection = null;
                if (!failing) {
                    LOG.log(System.Logger.Level.WARNING, "notifying other instances of task changes failed ({0}); "
                            + "their streams catch up at their next heartbeat", e.getMessage());
                    failing = true;
                }
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being replaced anyway
            }
        }
    }

    /** Calls this instance's subscribers of the owner. */
    void signal(String owner) {
        Set<Runnable> set = subscribers.get(owner);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }

    private void signalEveryone() {
        subscribers.values().forEach(set -> set.forEach(Runnable::run));
    }

    private synchronized void startWatching() {
        if (watcher != null || closed || !config.isPostgres()) {
            return;
        }
        watcher = Thread.ofPlatform().daemon().name("task-change-signals")
                .start(config.behindTransactionPooler() ? this::poll : this::listen);
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (config.username() != null) {
            properties.setProperty("user", config.username());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        properties.setProperty("ApplicationName", "todo-api change signals");
        if (config.behindTransactionPooler()) {
            properties.setProperty("prepareThreshold", "0"); // no named statement survives a transaction-mode pooler
        }
        return DriverManager.getConnection(config.jdbcUrl(), properties);
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = open(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                if (listenFailing) {
                    LOG.log(System.Logger.Level.INFO, "listening for task changes works again");
                    listenFailing = false;
                }
                signalEveryone(); // whatever happened while not listening
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications(LISTEN_WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            signal(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    if (!listenFailing) {
                        LOG.log(System.Logger.Level.WARNING, "listening for task changes failed (SQLSTATE {0}): {1}; "
                                + "trying again every {2} ms", e instanceof SQLException sql ? sql.getSQLState() : "-",
                                e.getMessage(), RECONNECT_MILLIS);
                        listenFailing = true;
                    }
                    signalEveryone();
                    pause(RECONNECT_MILLIS);
                }
            }
        }
    }

    private void poll() {
        Map<String, Long> seen = new HashMap<>();
        while (!closed) {
            try (Connection connection = open(); PreparedStatement query = connection.prepareStatement(
                    "select id, task_change_position from users where id = any(?)")) {
                while (!closed) {
                    List<String> followed = List.copyOf(subscribers.keySet());
                    seen.keySet().retainAll(followed);
                    if (!followed.isEmpty()) {
                        query.setArray(1, connection.createArrayOf("varchar", followed.toArray()));
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                Long before = seen.put(rows.getString(1), rows.getLong(2));
                                // A newly followed user is signalled once too: its change may have come just
                                // before the first look.
                                if (before == null || before != rows.getLong(2)) {
                                    signal(rows.getString(1));
                                }
                            }
                        }
                        if (listenFailing) {
                            LOG.log(System.Logger.Level.INFO, "asking for task changes works again");
                            listenFailing = false;
                        }
                    }
                    pause(POLL_MILLIS);
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    if (!listenFailing) {
                        LOG.log(System.Logger.Level.WARNING, "asking for task changes failed ({0}); asking again "
                                + "every {1} ms", e.getMessage(), RECONNECT_MILLIS);
                        listenFailing = true;
                    }
                    signalEveryone();
                    pause(RECONNECT_MILLIS);
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.interrupt();
        }
        if (notifier != null) {
            notifier.interrupt();
        }
    }
}
