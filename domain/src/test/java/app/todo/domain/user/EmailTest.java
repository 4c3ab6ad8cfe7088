package app.todo.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EmailTest {

    @Test
    void isCaseFoldedAndTrimmedSoComparisonsIgnoreCase() {
        assertEquals("alice@example.com", new Email("  Alice@Example.COM ").value());
        assertEquals(new Email("alice@example.com"), new Email("ALICE@EXAMPLE.COM"));
        assertEquals("bob+todo@mail.example.org", new Email("Bob+Todo@Mail.Example.org").toString());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "alice", "alice@", "@example.com", "alice@example", "alice@@example.com",
            "al ice@example.com", "alice@example..com", "alice@.com"})
    void refusesWhatIsNotAnAddress(String raw) {
        assertRefused("email", () -> new Email(raw));
    }

    @Test
    void refusesOverlongAddresses() {
        assertRefused("email", () -> new Email("a".repeat(250) + "@b.com"));
    }

    /** Trust review finding 8: one address however it is encoded or typed. */
    @org.junit.jupiter.api.Test
    void composedDecomposedAndFullwidthSpellingsAreOneAddress() {
        Email composed = new Email("jos\u00e9@example.com");
        assertEquals(composed, new Email("jose\u0301@example.com"));
        assertEquals(new Email("ana@example.com"), new Email("\uff41\uff4e\uff41@example.com"));
        assertEquals(new Email("ana@example.com"), new Email("ANA@EXAMPLE.COM"));
    }
}
