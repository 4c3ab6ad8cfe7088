package app.todo.adapter.in.http;

import app.todo.adapter.in.http.json.FeedJson;
import app.todo.adapter.in.http.json.Json;
import app.todo.adapter.in.http.problem.Problem;
import app.todo.adapter.in.http.problem.ProblemMapper;
import app.todo.application.port.in.FollowTaskChangesUseCase;
import app.todo.application.port.in.TaskOwner;
import app.todo.application.port.out.StorageUnavailableException;
import app.todo.adapter.in.http.problem.RequestId;
import app.todo.domain.task.FeedEntry;
import app.todo.domain.task.FeedPage;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * {@code GET /api/{user_id}/events}: the caller's task changes as Server-Sent Events (docs/api.md, "Live stream").
 * Each event is one entry of the changes feed, its {@code data} exactly as the feed shows it and its {@code id} a
 * feed cursor, so a client that reconnects with {@code Last-Event-ID} (or {@code ?since=}) gets exactly what it
 * missed. The first event, {@code ready}, carries the position the stream starts from. A comment every
 * {@link #HEARTBEAT} keeps proxies from closing an idle stream. The stream ends when the credential would no
 * longer be accepted (checked every {@link #RECHECK}), and when the instance shuts down.
 */
public final class TaskEventRoutes implements HttpService {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration RECHECK = Duration.ofSeconds(5);
    private static final int PAGE = 100;
    private static final Pattern STREAM_PATH = Pattern.compile("/api/[^/]+/events");

    private static final System.Logger LOG = System.getLogger(TaskEventRoutes.class.getName());

    private final FollowTaskChangesUseCase follow;
    private final ShutdownDrain drain;

    TaskEventRoutes(FollowTaskChangesUseCase follow, ShutdownDrain drain) {
        this.follow = follow;
        this.drain = drain;
    }

    /** Whether {@code path} is a live stream's, which lasts as long as its client. */
    static boolean isStream(String path) {
        return STREAM_PATH.matcher(path).matches();
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, "/{user_id}/events")
                .on(Method.GET, this::events)
                .otherwiseNotAllowed();
    }

    private void events(ServerRequest req, ServerResponse res) {
        TaskOwner owner = TaskRoutes.owner(req);
        OptionalLong after = resumeFrom(req);
        if (req.prologue().method() == Method.HEAD) {
            // The headers a GET would have, and no stream: a HEAD must not hold a stream open that nobody reads.
            res.status(Status.OK_200);
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send();
            return;
        }
        FollowTaskChangesUseCase.ChangeStream stream =
                ProblemMapper.valueOf(follow.follow(new FollowTaskChangesUseCase.Query(owner, after)));
        BooleanSupplier stillValid = Caller.stillValid(req);
        try (stream) {
            res.status(Status.OK_200);
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            // nginx buffers a proxied response unless told not to; this tells it per response.
            res.header("X-Accel-Buffering", "no");
            try (OutputStream out = res.outputStream()) {
                try {
                    relay(stream, stillValid, out);
                } catch (StorageUnavailableException away) {
                    // The answer has begun, so no 503 can be sent: end the stream the way a client knows, to come
                    // back with Last-Event-ID and get exactly what it missed once the database answers again.
                    LOG.log(System.Logger.Level.WARNING, "request {0}: live stream ended, store unavailable: {1}",
                            RequestId.of(req), away.getMessage());
                    send(out, "event: end\ndata: {\"reason\":\"the database cannot be reached; reconnect\"}\n\n");
                }
            }
        } catch (IOException | UncheckedIOException clientGone) {
            // the client went away: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the stream's events to {@code out} until it ends: superseded, its credential refused, or the instance
     * draining; each way with an {@code end} event saying why.
     *
     * @throws StorageUnavailableException when the feed cannot be read
     */
    private void relay(FollowTaskChangesUseCase.ChangeStream stream, BooleanSupplier stillValid, OutputStream out)
            throws IOException, InterruptedException {
        send(out, "retry: 2000\nid: " + FeedCursor.of(stream.position()) + "\nevent: ready\ndata: {}\n\n");
        long lastWrite = System.nanoTime();
        long lastCheck = System.nanoTime();
        // The feed is read when a change is signalled, and at every heartbeat in case a signal was lost.
        boolean look = true;
        while (!drain.isDraining()) {
            if (look) {
                FeedPage page;
                do {
                    page = stream.next(PAGE);
                    for (FeedEntry entry : page.entries()) {
                        send(out, "id: " + FeedCursor.of(entry.position()) + "\ndata: "
                                + new String(Json.write(FeedJson.entry(entry)), StandardCharsets.UTF_8) + "\n\n");
                        lastWrite = System.nanoTime();
                    }
                } while (page.hasMore());
            }
            boolean signalled = stream.awaitChange(RECHECK);
            if (stream.superseded()) {
                send(out, "event: end\ndata: {\"reason\":\"a newer stream of this user took this one's place\"}\n\n");
                return;
            }
            if (System.nanoTime() - lastCheck >= RECHECK.toNanos()) {
                if (!stillValid.getAsBoolean()) {
                    send(out, "event: end\ndata: {\"reason\":\"the credential is no longer accepted\"}\n\n");
                    return;
                }
                lastCheck = System.nanoTime();
            }
            boolean heartbeat = System.nanoTime() - lastWrite >= HEARTBEAT.toNanos();
            if (heartbeat) {
                send(out, ": heartbeat\n\n");
                lastWrite = System.nanoTime();
            }
            look = signalled || heartbeat;
        }
        send(out, "event: end\ndata: {\"reason\":\"this instance is shutting down; reconnect\"}\n\n");
    }

    /** {@code Last-Event-ID} (a reconnecting EventSource) or {@code ?since=}; neither: from now. */
    private static OptionalLong resumeFrom(ServerRequest req) {
        QueryParameters query = new QueryParameters(req.query());
        String lastEventId = req.headers().first(HeaderNames.create("Last-Event-ID")).orElse(null);
        Long since = query.choice("since", FeedCursor::position,
                "must be a next_cursor or event id this service gave, unchanged").orElse(null);
        if (!query.isValid()) {
            throw query.invalid();
        }
        if (lastEventId != null && !lastEventId.isBlank()) {
            Long position = FeedCursor.position(lastEventId.strip());
            if (position == null) {
                throw Problem.invalid("Last-Event-ID", "must be an event id this service gave, unchanged").raise();
            }
            return OptionalLong.of(position);
        }
        return since == null ? OptionalLong.empty() : OptionalLong.of(since);
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
