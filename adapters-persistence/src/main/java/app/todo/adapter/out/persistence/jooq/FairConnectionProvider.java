package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.StorageUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands out pooled connections first come, first served. HikariCP lets a thread that just arrived take
 * a connection that was returned while others were already waiting; under a burst of hundreds of
 * requests on a small pool, a few unlucky ones then wait past the bound and fail. A fair semaphore
 * with one permit per pooled connection in front of the pool keeps the order, so the wait a request
 * sees is the queue ahead of it, and the same 2 s bound still turns a real outage into a quick 503.
 */
final class FairConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;
    private final Semaphore permits;
    private final long waitMillis;
    private final Timer waits;
    private final Counter timeouts;

    /** @param metrics where the waits are reported ({@code db_connection_wait_*}); {@code null} for none */
    FairConnectionProvider(DataSource dataSource, int poolSize, long waitMillis, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.permits = new Semaphore(poolSize, true);
        this.waitMillis = waitMillis;
        MeterRegistry registry = metrics == null ? new SimpleMeterRegistry() : metrics;
        this.waits = Timer.builder("db.connection.wait")
                .description("Time a request waited in line for a database connection")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMillis(100),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(waitMillis))
                .register(registry);
        this.timeouts = Counter.builder("db.connection.wait.timeouts")
                .description("Requests that got no database connection within the bound (answered 503)")
                .register(registry);
    }

    @Override
    public Connection acquire() {
        long started = System.nanoTime();
        try {
            boolean admitted = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
            waits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (!admitted) {
                timeouts.increment();
                throw new StorageUnavailableException("no database connection became free within " + waitMillis
                        + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for a database connection", e);
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DataAccessException("cannot get a database connection: " + e.getMessage(), (SQLException) e);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("cannot return a database connection: " + e.getMessage(), e);
        } finally {
            permits.release();
        }
    }
}
