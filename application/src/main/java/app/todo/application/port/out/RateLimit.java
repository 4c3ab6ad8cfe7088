package app.todo.application.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A limit on attempts per key, as a token bucket: a burst of {@code burst} attempts, then one more each
 * {@code refillEvery}. With {@code refillEvery} equal to the window of a rule such as "at most 5 a minute"
 * (docs/rules.md §2), no window of that length ever holds more than {@code burst} attempts, and a refused
 * client waits at most {@code refillEvery}.
 *
 * @param name        names the limit in stores and logs: lower-case letters, digits and {@code -}, at most 40
 * @param burst       attempts allowed at once, at least 1
 * @param refillEvery time for one attempt to come back, positive
 */
public record RateLimit(String name, int burst, Duration refillEvery) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(refillEvery, "refillEvery");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a limit's name is 1 to 40 of a-z, 0-9 and -");
        }
        if (burst < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("a limit needs a burst of at least one and a positive refill time");
        }
    }
}
