package app.todo.application.service;

import app.todo.application.testing.MutableClock;
import app.todo.application.memory.InMemoryRateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

class AttemptLimitsTest {

    private final AttemptLimits limits = new AttemptLimits(new InMemoryRateLimiter(new MutableClock(Instant.EPOCH)));

    @Test
    void anEmailCountsTheSameInAnyCaseOrUnicodeForm() {
        for (int i = 0; i < AttemptLimits.SIGN_IN_PER_ADDRESS_AND_EMAIL; i++) {
            String spelling = i % 2 == 0 ? "Someone@Example.COM" : "\uFF53omeone@example.com"; // fullwidth s
            assertTrue(limits.signInAs("192.0.2.1", spelling).isEmpty(), "attempt " + (i + 1));
        }
        assertTrue(limits.signInAs("192.0.2.1", " someone@example.com ").isPresent());
        assertTrue(limits.signInAs("192.0.2.2", "someone@example.com").isEmpty(), "another address");
    }

    @Test
    void oneEmailFromManyAddressesMeetsThePerEmailLimit() {
        for (int i = 0; i < AttemptLimits.SIGN_IN_PER_EMAIL; i++) {
            assertTrue(limits.signInAs("198.51.100." + i, "target@example.com").isEmpty());
        }
        assertTrue(limits.signInAs("198.51.100.250", "target@example.com").isPresent());
    }

    @Test
    void attemptsRefusedPerAddressAndEmailDoNotUseThePerEmailBudget() {
        for (int i = 0; i < AttemptLimits.SIGN_IN_PER_ADDRESS_AND_EMAIL + 10; i++) {
            limits.signInAs("192.0.2.9", "victim@example.com");
        }
        // 5 counted per email; the refused ones were not: 15 more from other addresses still go ahead.
        for (int i = 0; i < AttemptLimits.SIGN_IN_PER_EMAIL - AttemptLimits.SIGN_IN_PER_ADDRESS_AND_EMAIL; i++) {
            assertTrue(limits.signInAs("203.0.113." + i, "victim@example.com").isEmpty(), "other address " + i);
        }
        assertTrue(limits.signInAs("203.0.113.200", "victim@example.com").isPresent());
    }
}
