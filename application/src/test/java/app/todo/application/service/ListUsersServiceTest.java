package app.todo.application.service;

import app.todo.application.memory.InMemoryStore;
import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.Administrator;
import app.todo.application.port.in.ListUsersQuery;
import app.todo.domain.task.NewTask;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tags;
import app.todo.domain.task.Title;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import app.todo.domain.user.UserPage;
import app.todo.domain.user.UserSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.todo.application.service.Outcomes.error;
import static app.todo.application.service.Outcomes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ListUsersServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final ListUsersService service = new ListUsersService(store.userDirectory());
    private final User admin = store.users().addIfAbsent(User.newcomer(new UserId("admin"), null, "Admin", Role.ADMIN, T0));
    private final User ana = store.users().addIfAbsent(User.newcomer(new UserId("ana"), null, "Ana", Role.USER,
            T0.plusSeconds(1)));

    @Test
    void an_admin_sees_every_user_with_their_task_count_page_by_page() {
        store.tasks().add(new NewTask(ana.id(), new Title("Buy milk"), null, false, Priority.DEFAULT, null, Tags.NONE), T0);

        UserPage page = value(Administrator.of(admin).flatMap(a -> service.listUsers(new ListUsersQuery(a, new PageRequest(1, 1)))));

        assertEquals(List.of(new UserSummary(ana, 1)), page.users());
        assertEquals(2, page.total());
    }

    @Test
    void anyone_else_is_refused() {
        assertInstanceOf(AdminError.NotAdmin.class, error(Administrator.of(ana).flatMap(a -> service.listUsers(new ListUsersQuery(a, PageRequest.FIRST)))));
    }
}
