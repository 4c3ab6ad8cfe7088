package app.todo.adapter.in.http.account;

import app.todo.adapter.in.http.AuthenticationFilter;
import app.todo.adapter.in.http.Endpoint;
import app.todo.adapter.in.http.JsonResponses;
import app.todo.adapter.in.http.PageLinks;
import app.todo.adapter.in.http.RequestBodies;
import app.todo.adapter.in.http.TodoHttpServer;
import app.todo.adapter.in.http.json.AccountFieldsReader;
import app.todo.adapter.in.http.json.AccountJson;
import app.todo.adapter.in.http.problem.Problem;
import app.todo.adapter.in.http.problem.ProblemMapper;
import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.ChangeUserCommand;
import app.todo.application.port.in.ChangeUserUseCase;
import app.todo.application.port.in.ListUsersQuery;
import app.todo.application.port.in.ListUsersUseCase;
import app.todo.domain.shared.FieldError;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Result;
import app.todo.domain.task.PageRequest;
import app.todo.domain.user.User;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** Adds these routes to the server under {@value #PREFIX}; they all need a token. */
    public TodoHttpServer.Builder registerOn(TodoHttpServer.Builder server) {
        return server.register(PREFIX, this);
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, "/users").on(Method.GET, this::list).otherwiseNotAllowed();
        Endpoint.at(rules, "/users/{id}").on(Method.PATCH, this::change).otherwiseNotAllowed();
    }

    private void list(ServerRequest req, ServerResponse res) {
        User caller = admin(req);
        PageRequest page = page(req.query());
        UserPage users = unwrap(listUsers.listUsers(new ListUsersQuery(caller, page)));
        res.header("X-Total-Count", Long.toString(users.total()));
        res.header(HeaderNames.LINK, PageLinks.of(req.path().absolute().rawPathNoParams(), Map.of(), page, users.total()));
        JsonResponses.send(res, Status.OK_200, AccountJson.AdminUser.from(users.users()));
    }

    private void change(ServerRequest req, ServerResponse res) {
        User caller = admin(req);
        UserId target = userId(req);
        var fields = RequestBodies.valid(AccountFieldsReader.userChanges(bodies.required(req)));
        var changed = unwrap(changeUser.changeUser(new ChangeUserCommand(caller, target, fields.role(), fields.disabled())));
        JsonResponses.send(res, Status.OK_200, AccountJson.AdminUser.from(changed));
    }

    /** The caller, who must be an admin; checked here first so a non-admin learns nothing from validation. */
    private static User admin(ServerRequest req) {
        User caller = AuthenticationFilter.caller(req);
        if (!caller.isAdmin()) {
            throw ProblemMapper.of(new AdminError.NotAdmin()).raise();
        }
        return caller;
    }

    /** A path segment that cannot be a user id names no user: 404, like an unknown one. */
    private static UserId userId(ServerRequest req) {
        try {
            return new UserId(req.path().pathParameters().get("id"));
        } catch (InvalidValueException e) {
            throw ProblemMapper.of(new AdminError.UserNotFound("")).raise();
        }
    }

    /** {@code limit} (1–500, default 100) and {@code offset} (0 or more), strictly: a bad value is a 422. */
    private static PageRequest page(Parameters query) {
        List<FieldError> errors = new ArrayList<>();
        String limitRule = "must be a whole number from 1 to " + PageRequest.MAX_LIMIT;
        String offsetRule = "must be a whole number, zero or more";
        long limit = number(query, "limit", limitRule, errors).orElse((long) PageRequest.DEFAULT_LIMIT);
        long offset = number(query, "offset", offsetRule, errors).orElse(0L);
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            errors.add(new FieldError("limit", limitRule));
        }
        if (offset < 0) {
            errors.add(new FieldError("offset", offsetRule));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors).raise();
        }
        return new PageRequest((int) limit, offset);
    }

    private static Optional<Long> number(Parameters query, String name, String expectation, List<FieldError> errors) {
        List<String> values = query.all(name, List::of).stream().filter(v -> !v.isEmpty()).distinct().toList();
        if (values.size() > 1) {
            errors.add(new FieldError(name, "is given more than once with different values"));
            return Optional.empty();
        }
        try {
            return values.stream().findFirst().map(Long::parseLong);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, expectation));
            return Optional.empty();
        }
    }

    private static <T> T unwrap(Result<T, AdminError> result) {
        return switch (result) {
            case Result.Ok<T, AdminError> ok -> ok.value();
            case Result.Err<T, AdminError> err -> throw ProblemMapper.of(err.error()).raise();
        };
    }
}
