package app.todo.adapter.in.http.problem;

import app.todo.adapter.in.http.json.Json;
import app.todo.application.port.in.AccountError;
import app.todo.application.port.in.AdminError;
import app.todo.application.port.in.CallerError;
import app.todo.application.port.in.TaskError;
import app.todo.application.port.in.UseCaseError;
import app.todo.application.port.out.IdentityProviderUnavailableException;
import app.todo.application.port.out.OverloadedException;
import app.todo.application.port.out.StorageRejectedValueException;
import app.todo.application.port.out.StorageUnavailableException;
import app.todo.domain.shared.Result;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.util.List;

/**
 * The one place that turns failures into {@code application/problem+json}: expected outcomes of the
 * use cases (mapped exhaustively, so a new error type fails to compile until it is mapped here),
 * problems raised by handlers, Helidon's own errors, and bugs. Nothing it writes carries a stack trace,
 * an exception message from below the edge, a token or a secret.
 */
public final class ProblemMapper {

    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "2";

    private ProblemMapper() {
    }

    /** A use case's value, or its refusal raised as the problem response {@link #of(UseCaseError)} makes of it. */
    public static <T> T valueOf(Result<T, ? extends UseCaseError> result) {
        return result.orElseThrow(error -> of(error).raise());
    }

    /** The problem response for any use case's refusal. */
    public static Problem of(UseCaseError error) {
        return switch (error) {
            case TaskError task -> of(task);
            case CallerError caller -> of(caller);
            case AccountError account -> of(account);
            case AdminError admin -> of(admin);
        };
    }

    public static Problem of(TaskError error) {
        return switch (error) {
            case TaskError.TaskNotFound notFound ->
                    Problem.of(Status.NOT_FOUND_404, "Task " + notFound.taskId() + " does not exist.");
            case TaskError.NotYourTasks ignored -> notYourTasks();
            case TaskError.InvalidTask invalid -> Problem.invalid(invalid.errors());
            case TaskError.StaleVersion stale -> Problem.of(Status.PRECONDITION_FAILED_412,
                    "The task has changed since you read it (it is now at version " + stale.current()
                            + "); read it again and retry.");
            case TaskError.FeedExpired ignored -> Problem.of(Status.GONE_410, "The changes since this cursor cannot be "
                    + "given: it is older than the changes kept (deleted tasks are remembered for 30 days) or it is not "
                    + "one of this user's. Start again without a cursor.");
            case TaskError.TooManyStreams busy -> Problem.of(Status.TOO_MANY_REQUESTS_429, "Too many live streams are "
                    + "open (" + busy.reason() + "); close one, or retry later.").withHeader("Retry-After", "30");
        };
    }

    public static Problem of(CallerError error) {
        return switch (error) {
            case CallerError.Banned ignored -> Problem.of(Status.FORBIDDEN_403, "Your account has been banned.");
            case CallerError.Disabled ignored -> disabled();
            case CallerError.SessionEnded ignored -> Problem.of(Status.UNAUTHORIZED_401,
                            "The bearer token was refused: its session has ended (signed out or revoked).")
                    .withHeader(BearerChallenge.HEADER, BearerChallenge.invalidToken("The token's session has ended"));
            case CallerError.NotVouchedFor ignored -> Problem.of(Status.UNAUTHORIZED_401,
                            "The bearer token was refused: its issuer may not vouch for this user.")
                    .withHeader(BearerChallenge.HEADER,
                            BearerChallenge.invalidToken("The token's issuer may not vouch for this user"));
        };
    }

    public static Problem of(AccountError error) {
        return switch (error) {
            case AccountError.InvalidAccount invalid -> Problem.invalid(invalid.errors());
            case AccountError.EmailTaken ignored ->
                    Problem.of(Status.CONFLICT_409, "An account with this email already exists.");
            // One answer for an unknown email and a wrong password, so it reveals neither.
            case AccountError.InvalidCredentials ignored ->
                    Problem.of(Status.UNAUTHORIZED_401, "The email or the password is wrong.")
                            .withHeader(BearerChallenge.HEADER, BearerChallenge.REALM);
            case AccountError.AccountDisabled ignored -> disabled();
            case AccountError.InvalidRefreshToken ignored -> Problem.of(Status.UNAUTHORIZED_401,
                            "The refresh token is unknown, expired or already used; sign in again.")
                    .withHeader(BearerChallenge.HEADER, BearerChallenge.invalidToken());
            case AccountError.SessionNotFound ignored ->
                    Problem.of(Status.NOT_FOUND_404, "There is no such session among yours.");
        };
    }

    public static Problem of(AdminError error) {
        return switch (error) {
            case AdminError.NotAdmin ignored -> Problem.of(Status.FORBIDDEN_403, "This needs the admin role.");
            case AdminError.UserNotFound ignored -> Problem.of(Status.NOT_FOUND_404, "There is no user with this id.");
            case AdminError.SelfLockout lockout -> Problem.of(Status.CONFLICT_409, lockout.detail());
            case AdminError.OwnRoleFromClaim ignored -> Problem.of(Status.CONFLICT_409,
                    "Your admin role comes from your token's claims, which count for each request and are never "
                            + "stored; an admin whose role is stored here can give you one.");
            case AdminError.InvalidUserChange invalid -> Problem.invalid(invalid.errors());
            case AdminError.ClaimRefused ignored -> Problem.of(Status.FORBIDDEN_403,
                    "This account cannot claim the admin role with this token: the email is not in ADMIN_EMAILS, "
                            + "or the token is wrong or already used.");
        };
    }

    /** Over a rate limit: {@code Retry-After} in whole seconds, at least 1 and at most 60. */
    public static Problem tooManyRequests(String what, Duration wait) {
        long seconds = Math.clamp((wait.toMillis() + 999) / 1000, 1, 60);
        return Problem.of(Status.TOO_MANY_REQUESTS_429,
                        "Too many " + what + "; try again in " + seconds + (seconds == 1 ? " second." : " seconds."))
                .withHeader("Retry-After", Long.toString(seconds));
    }

    public static Problem notYourTasks() {
        return Problem.of(Status.FORBIDDEN_403, "You may only access your own tasks.");
    }

    private static Problem disabled() {
        return Problem.of(Status.FORBIDDEN_403, "Your account has been disabled by an administrator.");
    }

    /** Registers the error handler of the routing; nothing else in the adapter calls {@code error(...)}. */
    public static void registerOn(HttpRouting.Builder routing) {
        routing.error(Throwable.class, ProblemMapper::handle);
    }

    /**
     * Answers a failure as a problem: one dispatch for the routing's error handler and for the filter
     * that must answer before closing a connection ({@link ConnectionClose}).
     */
    public static void handle(ServerRequest req, ServerResponse res, Throwable failure) {
        switch (failure) {
            case ProblemException e -> write(req, res, e.problem());
            case StorageUnavailableException e -> {
                LOG.log(System.Logger.Level.WARNING, "request {0}: store unavailable: {1}", RequestId.of(req), e.getMessage());
                write(req, res, isChange(req) ? storageUnavailableDuringAChange() : storageUnavailable());
            }
            case IdentityProviderUnavailableException e -> {
                LOG.log(System.Logger.Level.WARNING, "request {0}: identity provider unavailable: {1}", RequestId.of(req),
                        e.getMessage());
                write(req, res, Problem.of(Status.SERVICE_UNAVAILABLE_503,
                                "The identity provider (Better Auth) cannot be reached right now to check this "
                                        + "credential; try again in a few seconds.")
                        .withHeader("Retry-After", RETRY_AFTER_SECONDS));
            }
            case OverloadedException e -> {
                LOG.log(System.Logger.Level.WARNING, "request {0}: overloaded: {1}", RequestId.of(req), e.getMessage());
                write(req, res, Problem.of(Status.SERVICE_UNAVAILABLE_503,
                        "The service is busy right now; try again in a second.").withHeader("Retry-After", "1"));
            }
            case StorageRejectedValueException e -> {
                // Validation should have caught it first: worth a warning, but it is the client's input.
                LOG.log(System.Logger.Level.WARNING, "request {0}: the store refused a value that passed validation",
                        RequestId.of(req));
                write(req, res, Problem.invalid(e.field().orElse("request"), "holds a value the store cannot keep exactly"));
            }
            case HttpException e -> write(req, res, forStatus(e.status()));
            default -> {
                RequestId id = RequestId.of(req);
                LOG.log(System.Logger.Level.ERROR, "request " + id + " " + req.prologue().method().text() + " "
                        + req.path().absolute().rawPathNoParams() + " failed" + databaseError(failure), failure);
                write(req, res, Problem.of(Status.INTERNAL_SERVER_ERROR_500,
                        "Something went wrong on our side. If it keeps happening, report request id " + id + "."));
            }
        }
    }

    /**
     * What the database said, for the log: {@code " (SQLSTATE 26000: prepared statement "…" does not exist)"}, or
     * "" when no database error is among the causes. The first line of the driver's message only, quoted text
     * elided: the details (and text in quotes) may hold bound values, which stay out of logs.
     */
    static String databaseError(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
                message = message.replaceFirst("^ERROR: ", "").replaceAll("\"[^\"]*\"", "\"…\"");
                return " (SQLSTATE " + sql.getSQLState() + ": "
                        + (message.length() > 200 ? message.substring(0, 200) + "…" : message) + ")";
            }
        }
        return "";
    }

    public static Problem storageUnavailable() {
        return Problem.of(Status.SERVICE_UNAVAILABLE_503,
                        "The service cannot reach its database right now; try again in a few seconds.")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    /**
     * The database went away while a change may have been under way: its commit may have happened and only the
     * answer been lost, which no client of a database can tell apart (docs/api.md, "Retries").
     */
    private static Problem storageUnavailableDuringAChange() {
        return Problem.of(Status.SERVICE_UNAVAILABLE_503,
                        "The service cannot reach its database right now; the change may or may not have been made. "
                                + "Read before retrying, or retry in a few seconds with the same Idempotency-Key "
                                + "(or If-Match).")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    private static boolean isChange(ServerRequest req) {
        Method method = req.prologue().method();
        return method != Method.GET && method != Method.HEAD && method != Method.OPTIONS;
    }

    public static void write(ServerRequest req, ServerResponse res, Problem problem) {
        RequestId id = RequestId.of(req);
        res.status(problem.status());
        problem.headers().forEach(res::header);
        res.header(RequestId.HEADER, id.value());
        res.header(HeaderNames.CONTENT_TYPE, Json.PROBLEM_MEDIA_TYPE);
        byte[] body = body(problem, req.path().absolute().rawPathNoParams(), id);
        if (req.prologue().method() == Method.HEAD) {
            // RFC 9110 §9.3.2: a HEAD answer has the headers of the GET's, Content-Length included, and no body.
            res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            res.send(body, 0, 0);
        } else {
            res.send(body);
        }
    }

    /**
     * Answers the errors Helidon detects before routing (malformed request line, oversized headers or
     * body) in the same shape, since no filter or error handler runs for them.
     */
    public static DirectHandlers directHandlers() {
        DirectHandler handler = new DirectHandler() {
            @Override
            public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                            ServerResponseHeaders headers, String message) {
                // The message may quote the offending request; it is deliberately not shown.
                RequestId id = RequestId.fromClient(request.headers().first(RequestId.HEADER).orElse(null));
                if (status.code() == Status.HTTP_VERSION_NOT_SUPPORTED_505.code()) {
                    LOG.log(System.Logger.Level.WARNING, "request {0}: refused an HTTP/1.0 request with 505: this service"
                            + " speaks HTTP/1.1; behind nginx, set proxy_http_version 1.1 (see the README)", id);
                }
                String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
                return TransportResponse.builder()
                        .status(status)
                        .headers(headers)
                        .header(HeaderNames.CONTENT_TYPE, Json.PROBLEM_MEDIA_TYPE)
                        .header(RequestId.HEADER, id.value())
                        .entity(body(forStatus(status), path, id))
                        .build();
            }
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    /** A problem for a status Helidon chose, with a sentence that reveals nothing about the request. */
    static Problem forStatus(Status status) {
        String detail = switch (status.code()) {
            case 400 -> "The request is malformed.";
            case 404 -> "There is nothing at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 505 -> "This service speaks HTTP/1.1; send the request as HTTP/1.1 (behind nginx: proxy_http_version 1.1).";
            case 431 -> "The request headers are too large.";
            default -> status.code() >= 500
                    ? "Something went wrong on our side; please retry later."
                    : "The request cannot be processed (" + status.reasonPhrase() + ").";
        };
        return Problem.of(status, detail);
    }

    private static byte[] body(Problem problem, String instance, RequestId id) {
        List<ProblemJson.Violation> errors = problem.errors().isEmpty() ? null
                : problem.errors().stream().map(e -> new ProblemJson.Violation(e.field(), e.message())).toList();
        return Json.write(new ProblemJson("about:blank", problem.status().reasonPhrase(), problem.status().code(),
                problem.detail(), instance, errors, id.value()));
    }
}
