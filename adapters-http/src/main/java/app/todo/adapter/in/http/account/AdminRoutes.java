package app.todo.adapter.in.http.account;

import app.todo.adapter.in.http.Caller;
import app.todo.adapter.in.http.Endpoint;
import app.todo.adapter.in.http.JsonResponses;
import app.todo.adapter.in.http.PageLinks;
import app.todo.adapter.in.http.RequestBodies;
import app.todo.adapter.in.http.json.AccountFieldsReader;
import app.todo.adapter.in.http.json.AccountJson;
import app.todo.adapter.in.http.QueryParameters;
import app.todo.adapter.in.http.problem.ProblemMapper;
import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.Administrator;
import app.todo.application.port.in.ChangeUserCommand;
import app.todo.application.port.in.ChangeUserUseCase;
import app.todo.application.port.in.ListUsersQuery;
import app.todo.application.port.in.ListUsersUseCase;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.task.PageRequest;
import app.todo.domain.user.UserId;
import app.todo.domain.user.UserPage;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.Objects;

/**
 * {@code /api/admin/**}, for admins only: a non-admin is refused (403) before anything else is read.
 * The user list is paged like the task list ({@code limit}, {@code offset}, {@code X-Total-Count},
 * {@code Link}).
 */
public final class AdminRoutes implements HttpService {

    public static final String PREFIX = "/api/admin";

    private final ListUsersUseCase listUsers;
    private final ChangeUserUseCase changeUser;
    private final RequestBodies bodies;

    public AdminRoutes(ListUsersUseCase listUsers, ChangeUserUseCase changeUser, RequestBodies bodies) {
        this.listUsers = Objects.requireNonNull(listUsers, "listUsers");
        this.changeUser = Objects.requireNonNull(changeUser, "changeUser");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, "/users").on(Method.GET, this::list).otherwiseNotAllowed();
        Endpoint.at(rules, "/users/{id}").on(Method.PATCH, this::change).otherwiseNotAllowed();
    }

    private void list(ServerRequest req, ServerResponse res) {
        Administrator admin = admin(req);
        PageRequest page = page(req.query());
        UserPage users = ProblemMapper.valueOf(listUsers.listUsers(new ListUsersQuery(admin, page)));
        res.header("X-Total-Count", Long.toString(users.total()));
        res.header(HeaderNames.LINK, PageLinks.of(req.path().absolute().rawPathNoParams(), Map.of(), page, users.total()));
        JsonResponses.send(res, Status.OK_200, AccountJson.AdminUser.from(users.users()));
    }

    private void change(ServerRequest req, ServerResponse res) {
        Administrator admin = admin(req);
        UserId target = userId(req);
        var fields = RequestBodies.valid(AccountFieldsReader.userChanges(bodies.required(req)));
        var changed = ProblemMapper.valueOf(changeUser.changeUser(new ChangeUserCommand(admin, target, fields.role(), fields.disabled())));
        JsonResponses.send(res, Status.OK_200, AccountJson.AdminUser.from(changed));
    }

    /** The caller as an admin, as the application grants it: asked for first, so a non-admin learns nothing from validation. */
    private static Administrator admin(ServerRequest req) {
        return ProblemMapper.valueOf(Administrator.of(Caller.of(req)));
    }

    /** A path segment that cannot be a user id names no user: 404, like an unknown one. */
    private static UserId userId(ServerRequest req) {
        try {
            return new UserId(req.path().pathParameters().get("id"));
        } catch (InvalidValueException e) {
            throw ProblemMapper.of(new AdminError.UserNotFound("")).raise();
        }
    }

    /** Paged like the task list, by the same parser: a bad {@code limit} or {@code offset} is a 422. */
    private static PageRequest page(Parameters query) {
        QueryParameters parameters = new QueryParameters(query);
        PageRequest page = parameters.page();
        if (!parameters.isValid()) {
            throw parameters.invalid();
        }
        return page;
    }

}
