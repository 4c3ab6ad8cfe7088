package app.todo.bootstrap;

import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server parameters Wiring sets, checked as parameters rather than timed (GracefulShutdownTest shows the behaviour). */
class WiringTest {

    @Test
    void theServerWaitsForRequestsInFlightLongerThanHelidonsDefaultAndStopsOnlyWhenToldTo() {
        WebServerConfig.Builder defaults = WebServerConfig.builder();
        WebServerConfig.Builder server = WebServerConfig.builder();

        Wiring.shutdownAndIdleLimits(server);

        assertEquals(Wiring.SHUTDOWN_GRACE, server.shutdownGracePeriod());
        assertEquals(Duration.ofSeconds(20), Wiring.SHUTDOWN_GRACE, "the README promises 20 s");
        assertTrue(server.shutdownGracePeriod().compareTo(defaults.shutdownGracePeriod()) > 0,
                "Helidon's default would cut off a request waiting on a row lock");
        assertFalse(server.shutdownHook(), "Main's hook alone stops the server, then closes the pool");
    }

    @Test
    void admissionDefaultsToTwiceThePool() {
        assertEquals(32, Settings.from(Map.<String, String>of()::get).maxConcurrentRequests(), "twice the 16 database connections");
        assertEquals(8, Settings.from(Map.of("DB_POOL_SIZE", "4")::get).maxConcurrentRequests());
        assertEquals(Duration.ofSeconds(10), Wiring.ADMISSION_QUEUE_TIMEOUT);
    }

    /** A rotation that committed but was answered 503 (its statement cut off) is retried inside the grace. */
    @Test
    void aRefreshRetriedAfterACutOffStatementAndItsRetryAfterIsStillInsideTheReuseGrace() {
        Duration cutOff = Duration.ofSeconds(app.todo.adapter.out.persistence.jooq.JooqDatabase.REPLY_WAIT_SECONDS);
        Duration retryAfter = Duration.ofSeconds(2);
        assertTrue(app.todo.application.service.RefreshSessionService.REUSE_GRACE
                .compareTo(cutOff.plus(retryAfter).multipliedBy(2)) >= 0, "room for the retry and a slow client");
    }
}
