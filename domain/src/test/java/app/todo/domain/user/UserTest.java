package app.todo.domain.user;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static app.todo.domain.shared.InvalidValues.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T17:35:01Z");
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");

    @Test
    void aUserManagesOwnTasksOnly() {
        User alice = User.newcomer(ALICE, null, null, Role.USER, NOW);
        assertTrue(alice.mayManageTasksOf(ALICE));
        assertFalse(alice.mayManageTasksOf(BOB));
    }

    @Test
    void anAdminStillCannotManageAnotherUsersTasks() {
        User admin = User.newcomer(ALICE, null, null, Role.ADMIN, NOW);
        assertTrue(admin.isAdmin());
        assertTrue(admin.mayManageTasksOf(ALICE));
        assertFalse(admin.mayManageTasksOf(BOB));
    }

    @Test
    void aLongNameIsCutAt255CodePointsNeverInsideOne() {
        String grinning = "\uD83D\uDE00";
        assertEquals(grinning.repeat(255), User.newcomer(ALICE, null, grinning.repeat(256), Role.USER, NOW).name());
        assertEquals("a".repeat(255), User.newcomer(ALICE, null, "a".repeat(300), Role.USER, NOW).name());
    }

    @Test
    void aNewcomerIsEnabledAndCopiesKeepEverythingElse() {
        User user = User.newcomer(ALICE, new Email("a@example.com"), "Alice", Role.USER, NOW);
        assertFalse(user.disabled());
        assertEquals(user.emailAddress().orElseThrow(), new Email("A@example.com"));

        User changed = user.withRole(Role.ADMIN).withDisabled(true);
        assertEquals(new User(ALICE, user.email(), "Alice", Role.ADMIN, true, NOW), changed);
    }

    @Test
    void nameIsCutAt255Characters() {
        assertEquals(255, new User(ALICE, null, "n".repeat(300), Role.USER, false, NOW).name().length());
        assertTrue(new User(ALICE, null, null, Role.USER, false, NOW).emailAddress().isEmpty());
    }

    @Test
    void roleKeys() {
        assertEquals(Role.ADMIN, Role.fromKey("role", "admin"));
        assertEquals("user", Role.USER.key());
        assertRefused("role", () -> Role.fromKey("role", "root"));
    }
}
