package app.todo.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

final class Times {

    private Times() {
    }

    /** Microseconds: what every supported database keeps, so a stored task reads back equal. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
