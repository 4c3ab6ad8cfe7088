package app.todo.application.service;

import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.Administrator;
import app.todo.application.port.in.ChangeUserCommand;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.Result;
import app.todo.domain.task.Change;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import app.todo.domain.user.UserSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static app.todo.application.service.Outcomes.error;
import static app.todo.application.service.Outcomes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeUserServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final ChangeUserService service = new ChangeUserService(store.userDirectory(), store.users());
    private final User admin = store.users().addIfAbsent(User.newcomer(new UserId("admin"), null, "Admin", Role.ADMIN, T0));
    private final User ana = store.users().addIfAbsent(User.newcomer(new UserId("ana"), null, "Ana", Role.USER, T0));

    @Test
    void an_admin_promotes_and_disables_a_user() {
        UserSummary promoted = value(changeAs(admin, ana.id(), Change.to("admin"), Change.keep()));
        UserSummary disabled = value(changeAs(admin, ana.id(), Change.keep(), Change.to(true)));

        assertEquals(new UserSummary(ana.withRole(Role.ADMIN), 0), promoted);
        assertEquals(new UserSummary(ana.withRole(Role.ADMIN).withDisabled(true), 0), disabled);
        assertEquals(Optional.of(disabled.user()), store.users().find(ana.id()));
    }

    @Test
    void a_non_admin_changes_nothing() {
        AdminError refused = error(changeAs(ana, ana.id(), Change.to("admin"), Change.keep()));

        assertEquals(new AdminError.NotAdmin(), refused);
        assertEquals(Optional.of(ana), store.users().find(ana.id()));
    }

    @Test
    void an_unknown_user_is_not_found() {
        assertEquals(new AdminError.UserNotFound("ghost"),
                error(changeAs(admin, new UserId("ghost"), Change.keep(), Change.to(true))));
    }

    @Test
    void an_empty_change_is_invalid() {
        assertEquals(invalid(new FieldError("body", "must contain at least one of role, disabled")),
                error(changeAs(admin, ana.id(), Change.keep(), Change.keep())));
    }

    @Test
    void unknown_roles_and_nulls_are_invalid_and_change_nothing() {
        AdminError error = error(changeAs(admin, ana.id(), Change.to("root"), Change.to(null)));

        assertEquals(invalid(new FieldError("role", "must be one of user, admin"),
                new FieldError("disabled", "cannot be null")), error);
        assertEquals(Optional.of(ana), store.users().find(ana.id()));
    }

    @Test
    void an_admin_cannot_lock_themselves_out() {
        AdminError disable = error(changeAs(admin, admin.id(), Change.keep(), Change.to(true)));
        AdminError demote = error(changeAs(admin, admin.id(), Change.to("user"), Change.to(false)));

        assertEquals(new AdminError.SelfLockout("You cannot disable your own account."), disable);
        assertEquals(new AdminError.SelfLockout("You cannot remove your own admin role."), demote);
        assertEquals(Optional.of(admin), store.users().find(admin.id()));
    }

    @Test
    void an_admin_by_a_tokens_claim_cannot_store_the_role_for_themself_but_acts_as_admin_otherwise() {
        // What IdentifyCallerService hands on for a user whose token claims admin: the stored role is user.
        User claimed = ana.withRole(Role.ADMIN);
        User bob = store.users().addIfAbsent(User.newcomer(new UserId("bob"), null, "Bob", Role.USER, T0));

        assertEquals(new AdminError.OwnRoleFromClaim(), error(changeAs(claimed, ana.id(), Change.to("admin"), Change.keep())));
        assertEquals(Optional.of(ana), store.users().find(ana.id()), "the claim is not stored");
        assertEquals(bob.withDisabled(true), value(changeAs(claimed, bob.id(), Change.keep(), Change.to(true))).user());
    }

    @Test
    void an_admin_may_restate_their_own_role() {
        assertEquals(new UserSummary(admin, 0), value(changeAs(admin, admin.id(), Change.to("admin"), Change.to(false))));
    }

    /** The change as {@code caller} asks for it: only an admin gets as far as the use case. */
    private Result<UserSummary, AdminError> changeAs(User caller, UserId target, Change<String> role, Change<Boolean> disabled) {
        return Administrator.of(caller).flatMap(admin -> service.changeUser(new ChangeUserCommand(admin, target, role, disabled)));
    }

    private static AdminError invalid(FieldError... errors) {
        return new AdminError.InvalidUserChange(List.of(errors));
    }
}
