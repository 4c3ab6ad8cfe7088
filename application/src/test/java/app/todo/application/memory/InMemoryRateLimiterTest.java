package app.todo.application.memory;

import app.todo.application.port.out.RateLimiterContract;

import java.time.Clock;

class InMemoryRateLimiterTest extends RateLimiterContract {

    /** In memory there is only one instance. */
    @Override
    protected Instances newLimiters(Clock clock) {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
        return new Instances(limiter, limiter);
    }
}
