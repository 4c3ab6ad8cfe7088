package app.todo.adapter.in.http.problem;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a response to its log lines. It lives with the problems because every problem,
 * above all a 500, must carry it.
 */
public record RequestId(String value) {

    public static final HeaderName HEADER = HeaderNames.create("X-Request-Id");

    /** A client's id is echoed only when it is short and cannot smuggle anything into a log or header. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static RequestId fromClient(String sent) {
        return sent != null && ACCEPTABLE.matcher(sent).matches() ? new RequestId(sent) : generate();
    }

    public static RequestId generate() {
        return new RequestId(UUID.randomUUID().toString());
    }

    /** The id given to this request by the request-id filter; a fresh one if the filter did not run. */
    public static RequestId of(ServerRequest request) {
        return request.context().get(RequestId.class).orElseGet(() -> {
            RequestId id = fromClient(request.headers().first(HEADER).orElse(null));
            request.context().register(id);
            return id;
        });
    }

    @Override
    public String toString() {
        return value;
    }
}
