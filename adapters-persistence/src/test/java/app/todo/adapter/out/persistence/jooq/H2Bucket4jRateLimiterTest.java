package app.todo.adapter.out.persistence.jooq;

import app.todo.application.port.out.RateLimiter;
import app.todo.application.port.out.RateLimiterContract;

import java.time.Clock;

class H2Bucket4jRateLimiterTest extends RateLimiterContract {

    /** The embedded store serves one instance: both "instances" are its one limiter. */
    @Override
    protected Instances newLimiters(Clock clock) {
        RateLimiter limiter = EmptiedTestDatabases.h2().one().rateLimiter(clock);
        return new Instances(limiter, limiter);
    }
}
