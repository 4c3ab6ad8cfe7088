package app.todo.adapter.in.http;

import java.util.Arrays;
import java.util.List;
import app.todo.adapter.in.http.problem.Problem;
import io.helidon.common.uri.UriPath;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Settles the request target before anything routes on it.
 * <ul>
 *   <li>{@code OPTIONS *} (RFC 9110 §9.3.7, the asterisk-form) asks about the server as a whole: {@code 200}
 *       with {@code Allow}. Any other target that is not an absolute path is a {@code 400}.</li>
 *   <li>{@code /api/{user_id}/tasks/} is served exactly like {@code /api/{user_id}/tasks} (contract §6), since
 *       FastAPI-era frontends and some proxies add the slash. Served in place rather than redirected: a
 *       {@code 308} would cost a round trip, and a browser drops {@code Authorization} when a redirect
 *       crosses origins. No route has a meaning that depends on the slash.</li>
 *   <li>Several {@code Content-Length} headers that disagree are a {@code 400} with {@code Connection: close}
 *       (RFC 9112 §6.3): where the body ends is unknown, and a proxy that believed another value would see a
 *       smuggled request in the rest. Identical repeats are one length, as the RFC allows.</li>
 * </ul>
 * Runs right after the request id is set, so authentication, CORS and routing all see one canonical path.
 */
final class RequestTargetFilter implements Filter {

    /** Every method some route of the service answers. */
    static final String SERVER_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        HttpPrologue prologue = req.prologue();
        String raw = prologue.uriPath().rawPath();
        if (!raw.startsWith("/")) {
            if (prologue.method() == Method.OPTIONS && raw.equals("*")) {
                res.status(Status.OK_200).header(HeaderNames.ALLOW, SERVER_METHODS).send();
                return;
            }
            throw Problem.of(Status.BAD_REQUEST_400, "The request target must be an absolute path.").raise();
        }
        if (req.headers().all(HeaderNames.CONTENT_LENGTH, List::of).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).distinct().count() > 1) {
            throw Problem.of(Status.BAD_REQUEST_400, "The request has Content-Length headers that disagree.")
                    .withHeader(HeaderNames.CONNECTION.defaultCase(), "close").raise();
        }
        if (raw.length() > 1 && raw.endsWith("/")) {
            int end = raw.length();
            while (end > 1 && raw.charAt(end - 1) == '/') {
                end--;
            }
            req.prologue(HttpPrologue.create(prologue.rawProtocol(), prologue.protocol(), prologue.protocolVersion(),
                    prologue.method(), UriPath.create(raw.substring(0, end)), prologue.query(), prologue.fragment()));
        }
        chain.proceed();
    }
}
