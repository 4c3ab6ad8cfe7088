package app.todo.adapter.in.http;

import app.todo.adapter.in.http.json.Json;

import app.todo.adapter.in.http.json.FeedJson;
import app.todo.adapter.in.http.json.TaskFieldsReader;
import app.todo.adapter.in.http.json.TaskJson;
import app.todo.adapter.in.http.problem.Problem;
import app.todo.adapter.in.http.problem.ProblemMapper;
import app.todo.application.port.in.CompleteTaskCommand;
import app.todo.application.port.in.CreateTaskCommand;
import app.todo.application.port.in.DeleteTaskCommand;
import app.todo.application.port.in.GetTaskQuery;
import app.todo.application.port.in.ListTaskChangesQuery;
import app.todo.application.port.in.ListTasksQuery;
import app.todo.application.port.in.RunOnceUseCase;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.in.TaskOwner;
import app.todo.application.port.in.TaskUseCases;
import app.todo.application.port.in.UpdateTaskCommand;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.task.FeedPage;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Task;
import app.todo.domain.task.TaskId;
import app.todo.domain.task.TaskPage;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /api/{user_id}/tasks/**}. The order of checks is the order a client can fix things in:
 * whose tasks (403), which task (404), the body (415, 413, 400, 422), the precondition (412).
 */
public final class TaskRoutes implements HttpService {

    private final TaskUseCases tasks;
    private final RequestBodies bodies;

    public TaskRoutes(TaskUseCases tasks, RequestBodies bodies) {
        this.tasks = tasks;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, "/{user_id}/tasks")
                .on(Method.GET, this::list)
                .on(Method.POST, this::create)
                .otherwiseNotAllowed();
        // Before /{id}: "changes" is no task id.
        Endpoint.at(rules, "/{user_id}/tasks/changes")
                .on(Method.GET, this::changes)
                .otherwiseNotAllowed();
        Endpoint.at(rules, "/{user_id}/tasks/{id}")
                .on(Method.GET, this::get)
                .on(Method.PUT, this::update)
                .on(Method.DELETE, this::delete)
                .otherwiseNotAllowed();
        Endpoint.at(rules, "/{user_id}/tasks/{id}/complete")
                .on(Method.PATCH, this::complete)
                .otherwiseNotAllowed();
    }

    private void list(ServerRequest req, ServerResponse res) {
        TaskOwner owner = owner(req);
        TaskListRequest query = TaskListRequest.parse(req.query());
        TaskPage page = ProblemMapper.valueOf(tasks.list().listTasks(
                new ListTasksQuery(owner, query.filter(), query.sort(), query.page())));
        String total = Long.toString(page.total());
        String links = query.links(requestPath(req), page.total());
        // Changes whenever any task on the page, or the filtered total, does: polling costs a 304, and no JSON.
        String etag = IfNoneMatch.ofVersions(page.tasks(), total, links);
        if (IfNoneMatch.notModified(req, res, etag)) {
            return;
        }
        res.header("X-Total-Count", total);
        res.header(HeaderNames.LINK, links);
        res.header(HeaderNames.ETAG, etag);
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, Json.MEDIA_TYPE);
        var dto = TaskJson.from(page.tasks());
        if (page.tasks().size() <= RENDERED_WHOLE) {
            res.send(Json.write(dto));
            return;
        }
        // A long page (up to megabytes) goes out as it renders: a client that reads slowly, or not at all, holds
        // the server's write buffer, not its whole answer twice over (docs/operations.md, "Many connections"). Its length
        // comes from a first rendering that only counts.
        res.header(HeaderNames.CONTENT_LENGTH, Long.toString(Json.length(dto)));
        if (req.prologue().method() == Method.HEAD) {
            res.send(new byte[0]);
            return;
        }
        try (OutputStream out = res.outputStream()) {
            Json.write(dto, out);
        } catch (IOException | UncheckedIOException clientGone) {
            // A client that stops a long download is no failure: the connection just ends, without Helidon's
            // warning and stack trace for an answer it could not finish.
            throw new CloseConnectionException("the client went away during the answer", clientGone);
        }
    }

    /** The most tasks a list renders into one array before sending; past it, it streams. */
    static final int RENDERED_WHOLE = 100;

    /** The changes feed: {@code ?since=<next_cursor>&limit=1..500} (docs/api.md, "Changes feed"). */
    private void changes(ServerRequest req, ServerResponse res) {
        TaskOwner owner = owner(req);
        QueryParameters query = new QueryParameters(req.query());
        long after = query.choice("since", FeedCursor::position,
                "must be a next_cursor this service gave, unchanged (or absent, to start from the beginning)").orElse(0L);
        long limit = query.number("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT)
                .orElse((long) PageRequest.DEFAULT_LIMIT);
        query.check(() -> new PageRequest((int) Math.max(0, Math.min(limit, Integer.MAX_VALUE)), 0));
        if (!query.isValid()) {
            throw query.invalid();
        }
        FeedPage page = ProblemMapper.valueOf(tasks.changes().listChanges(new ListTaskChangesQuery(owner, after, (int) limit)));
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, Json.MEDIA_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(Json.write(FeedJson.from(page, FeedCursor.of(page.position()))));
    }

    private void create(ServerRequest req, ServerResponse res) {
        TaskOwner owner = owner(req);
        Optional<String> key = IdempotencyKeys.of(req);
        JsonNode body = bodies.required(req);
        if (key.isPresent()) {
            sendOnce(res, tasks.runOnce().once(IdempotencyKeys.command(owner, key.get(), req, body),
                    () -> tasks.create().createTask(new CreateTaskCommand(owner,
                                    RequestBodies.valid(TaskFieldsReader.newTask(body))))
                            .map(task -> answer(Status.CREATED_201, task, requestPath(req) + "/" + task.id().value()))));
            return;
        }
        Task task = ProblemMapper.valueOf(tasks.create().createTask(
                new CreateTaskCommand(owner, RequestBodies.valid(TaskFieldsReader.newTask(body)))));
        res.header(HeaderNames.LOCATION, requestPath(req) + "/" + task.id().value());
        sendTask(res, Status.CREATED_201, task);
    }

    /** A task answer as {@link RunOnceUseCase} keeps it for a retry with the same key. */
    private static RunOnceUseCase.Answer answer(Status status, Task task, String location) {
        return new RunOnceUseCase.Answer(status.code(), new String(Json.write(TaskJson.from(task)), StandardCharsets.UTF_8),
                location, etag(task));
    }

    private static void sendOnce(ServerResponse res, RunOnceUseCase.Outcome<TaskError> outcome) {
        switch (outcome) {
            case RunOnceUseCase.Outcome.Answered<TaskError> answered -> {
                RunOnceUseCase.Answer answer = answered.answer();
                if (answered.replayed()) {
                    res.header(IdempotencyKeys.REPLAYED, "true");
                }
                if (answer.location() != null) {
                    res.header(HeaderNames.LOCATION, answer.location());
                }
                if (answer.etag() != null) {
                    res.header(HeaderNames.ETAG, answer.etag());
                }
                res.status(Status.create(answer.status()));
                res.header(HeaderNames.CONTENT_TYPE, Json.MEDIA_TYPE);
                res.send(answer.body().getBytes(StandardCharsets.UTF_8));
            }
            case RunOnceUseCase.Outcome.Refused<TaskError> refused -> throw ProblemMapper.of(refused.error()).raise();
            case RunOnceUseCase.Outcome.KeyReused<TaskError> ignored -> throw Problem.of(Status.UNPROCESSABLE_CONTENT_422,
                    "This Idempotency-Key was already used for another request (another body or another route); "
                            + "use a new key for a new request.").raise();
            case RunOnceUseCase.Outcome.InFlight<TaskError> ignored -> throw Problem.of(Status.CONFLICT_409,
                    "A request with this Idempotency-Key is still being processed; retry shortly for its answer.")
                    .withHeader("Retry-After", "1").raise();
        }
    }

    private void get(ServerRequest req, ServerResponse res) {
        TaskTarget t = target(req);
        Task task = ProblemMapper.valueOf(tasks.get().getTask(new GetTaskQuery(t.owner(), t.id())));
        if (!IfNoneMatch.notModified(req, res, etag(task))) {
            sendTask(res, Status.OK_200, task);
        }
    }

    private void update(ServerRequest req, ServerResponse res) {
        TaskTarget t = target(req);
        var changes = RequestBodies.valid(TaskFieldsReader.changes(bodies.required(req)));
        sendTask(res, Status.OK_200, ProblemMapper.valueOf(tasks.update().updateTask(
                new UpdateTaskCommand(t.owner(), t.id(), changes, expectedVersion(req, t)))));
    }

    private void complete(ServerRequest req, ServerResponse res) {
        TaskTarget t = target(req);
        Optional<String> key = IdempotencyKeys.of(req);
        // No body, or {}, toggles; {"completed": b} sets.
        Optional<JsonNode> body = bodies.optional(req);
        Optional<Boolean> completed = body.flatMap(json -> RequestBodies.valid(TaskFieldsReader.completion(json)));
        CompleteTaskCommand command = new CompleteTaskCommand(t.owner(), t.id(), completed, expectedVersion(req, t));
        if (key.isPresent()) {
            // A retried toggle must not toggle back: the first answer is replayed.
            sendOnce(res, tasks.runOnce().once(IdempotencyKeys.command(t.owner(), key.get(), req, body.orElse(null)),
                    () -> tasks.complete().completeTask(command).map(task -> answer(Status.OK_200, task, null))));
            return;
        }
        sendTask(res, Status.OK_200, ProblemMapper.valueOf(tasks.complete().completeTask(command)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        TaskTarget t = target(req);
        ProblemMapper.valueOf(tasks.delete().deleteTask(new DeleteTaskCommand(t.owner(), t.id(), expectedVersion(req, t))));
        res.status(Status.NO_CONTENT_204).send();
    }

    /** Whose task is asked about: resolved in the order 401, 403, 404. */
    private record TaskTarget(TaskOwner owner, TaskId id) {
    }

    private static TaskTarget target(ServerRequest req) {
        return new TaskTarget(owner(req), taskId(req));
    }

    /**
     * The owner named by the path, as the application grants it to the caller (docs/rules.md §3). Asked for
     * before any body is read, so a client learns "not yours" before "invalid".
     */
    static TaskOwner owner(ServerRequest req) {
        User caller = Caller.of(req);
        UserId owner;
        try {
            owner = new UserId(req.path().pathParameters().get("user_id"));
        } catch (InvalidValueException e) {
            // a path segment that cannot be a user id cannot be the caller's either
            throw ProblemMapper.notYourTasks().raise();
        }
        return ProblemMapper.valueOf(TaskOwner.of(caller, owner));
    }

    /** A task id that is not a positive 64-bit number names no task: 404, like a missing one. */
    private static TaskId taskId(ServerRequest req) {
        String raw = req.path().pathParameters().get("id");
        try {
            if (raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new TaskId(Long.parseLong(raw));
            }
        } catch (IllegalArgumentException e) {
            // too large for a long, or zero: falls through to "not found"
        }
        throw Problem.of(Status.NOT_FOUND_404, "There is no task with this id.").raise();
    }

    /**
     * The version a write requires, from its preconditions (RFC 9110 §13.1): {@code If-Match}, and
     * {@code If-None-Match} too, which a write honours rather than ignores: {@code *} or the current tag is a
     * {@code 412} and nothing changes; otherwise the write is pinned to the version just checked, so a change
     * in between fails it as stale instead of slipping past the condition.
     */
    private OptionalLong expectedVersion(ServerRequest req, TaskTarget t) {
        OptionalLong required = IfMatch.of(req).expectedVersion(
                () -> ProblemMapper.valueOf(tasks.get().getTask(new GetTaskQuery(t.owner(), t.id()))).version());
        if (!req.headers().contains(HeaderNames.IF_NONE_MATCH)) {
            return required;
        }
        long current = ProblemMapper.valueOf(tasks.get().getTask(new GetTaskQuery(t.owner(), t.id()))).version();
        if (IfNoneMatch.matches(req, "\"" + current + "\"")) {
            throw Problem.of(Status.PRECONDITION_FAILED_412, "If-None-Match matches the task as it is (version "
                    + current + "): nothing was changed.").raise();
        }
        return required.isPresent() ? required : OptionalLong.of(current);
    }


    private static String requestPath(ServerRequest req) {
        return req.path().absolute().rawPathNoParams();
    }

    private static String etag(Task task) {
        return "\"" + task.version() + "\"";
    }

    private static void sendTask(ServerResponse res, Status status, Task task) {
        res.header(HeaderNames.ETAG, etag(task));
        JsonResponses.send(res, status, TaskJson.from(task));
    }
}
