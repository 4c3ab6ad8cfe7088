package app.todo.domain.user;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserChangesTest {

    private final User ana = User.newcomer(new UserId("ana"), null, "Ana", Role.USER, Instant.EPOCH);

    @Test
    void applies_only_the_fields_it_has() {
        assertEquals(ana.withRole(Role.ADMIN), new UserChanges(Optional.of(Role.ADMIN), Optional.empty()).applyTo(ana));
        assertEquals(ana.withDisabled(true), new UserChanges(Optional.empty(), Optional.of(true)).applyTo(ana));
        assertEquals(ana, new UserChanges(Optional.empty(), Optional.empty()).applyTo(ana));
    }

    @Test
    void knows_when_it_changes_nothing() {
        assertTrue(new UserChanges(Optional.empty(), Optional.empty()).isEmpty());
        assertFalse(new UserChanges(Optional.empty(), Optional.of(false)).isEmpty());
    }
}
