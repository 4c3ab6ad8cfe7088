package app.todo.adapter.in.http;

import java.util.Arrays;
import java.util.List;
import app.todo.adapter.in.http.problem.ConnectionClose;
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
 *   <li>{@code /api/{user_id}/tasks/} is served exactly like {@code /api/{user_id}/tasks} (docs/rules.md §6), since
 *       FastAPI-era frontends and some proxies add the slash. Served in place rather than redirected: a
 *       {@code 308} would cost a round trip, and a browser drops {@code Authorization} when a redirect
 *       crosses origins. No route has a meaning that depends on the slash.</li>
 *   <li>The absolute-form ({@code GET http://host/api/… HTTP/1.1}, RFC 9112 §3.2.2) is served as its path.</li>
 *   <li>Framing a proxy could read differently is a {@code 400} and the connection closes (RFC 9112 §6.3): where
 *       the body ends is unknown, and a proxy that believed another reading would see a smuggled request in the
 *       rest. That is: {@code Content-Length} headers that disagree (identical repeats are one length, as the
 *       RFC allows), a {@code Content-Length} that is not digits ({@code -1}, {@code +14}), and
 *       {@code Transfer-Encoding} beside {@code Content-Length}. A transfer coding other than {@code chunked} is a
 *       {@code 501}, and the connection closes too.</li>
 *   <li>An encoded slash ({@code %2F}) in the path is never a separator: no route has a segment holding one, so
 *       it is a {@code 404}, whatever the decoded path would match.</li>
 *   <li>A method sent with lower-case letters is a {@code 501} (Http1FramingGuard marks it): methods are
 *       case-sensitive, and Helidon's upper-casing would otherwise run {@code delete} as {@code DELETE}.</li>
 *   <li>{@code Authorization} more than once is a {@code 400}: it is a singleton field, and two credentials
 *       would leave which one speaks to whoever reads first.</li>
 * </ul>
 * Runs right after the request id is set, so authentication, CORS and routing all see one canonical path.
 */
final class RequestTargetFilter implements Filter {

    /** Every method some route of the service answers. */
    static final String SERVER_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,18}");

    /** The path of an absolute-form target ({@code http://host:port/path}), or null when it is not one. */
    private static String pathOfAbsoluteForm(String target) {
        String lower = target.toLowerCase(java.util.Locale.ROOT);
        int scheme = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (scheme < 0) {
            return null;
        }
        int slash = target.indexOf('/', scheme);
        return slash < 0 ? "/" : target.substring(slash);
    }

    private static void refuseUntrustworthyFraming(RoutingRequest req) {
        List<String> lengths = req.headers().all(HeaderNames.CONTENT_LENGTH, List::of).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).distinct().toList();
        String problem = lengths.size() > 1 ? "The request has Content-Length headers that disagree."
                : lengths.size() == 1 && !DIGITS.matcher(lengths.getFirst()).matches()
                ? "The request's Content-Length is not a length in digits."
                : !lengths.isEmpty() && req.headers().contains(HeaderNames.TRANSFER_ENCODING)
                ? "The request has both Transfer-Encoding and Content-Length." : null;
        if (problem != null) {
            throw ConnectionClose.closing(Problem.of(Status.BAD_REQUEST_400, problem)).raise();
        }
        // Helidon decodes exactly "chunked" and reads any other coding as no body at all, which would leave the
        // body on the wire to be parsed as the next request: refused, and the connection closes.
        List<String> codings = req.headers().all(HeaderNames.TRANSFER_ENCODING, List::of);
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.getFirst().equals("chunked"))) {
            throw ConnectionClose.closing(Problem.of(Status.NOT_IMPLEMENTED_501,
                    "The only transfer coding this service reads is chunked (Transfer-Encoding: chunked).")).raise();
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        // First: whatever else is wrong, a request whose body cannot be delimited is answered with a close.
        refuseUntrustworthyFraming(req);
        HttpPrologue prologue = req.prologue();
        if (prologue.method().text().startsWith(Http1FramingGuard.LOWER_CASE_METHOD)) {
            String method = prologue.method().text().substring(Http1FramingGuard.LOWER_CASE_METHOD.length());
            throw Problem.of(Status.NOT_IMPLEMENTED_501, "Methods are case-sensitive (RFC 9110 §9.1): this service "
                    + "implements " + SERVER_METHODS + ", in upper case; " + method + " was sent in lower case.").raise();
        }
        String raw = prologue.uriPath().rawPath();
        if (!raw.startsWith("/")) {
            if (prologue.method() == Method.OPTIONS && raw.equals("*")) {
                res.status(Status.OK_200).header(HeaderNames.ALLOW, SERVER_METHODS).send();
                return;
            }
            String path = pathOfAbsoluteForm(raw);
            if (path == null) {
                throw Problem.of(Status.BAD_REQUEST_400, "The request target must be an absolute path.").raise();
            }
            raw = path;
            prologue = HttpPrologue.create(prologue.rawProtocol(), prologue.protocol(), prologue.protocolVersion(),
                    prologue.method(), UriPath.create(raw), prologue.query(), prologue.fragment());
            req.prologue(prologue);
        }
        if (req.headers().all(HeaderNames.AUTHORIZATION, List::of).size() > 1) {
            throw Problem.of(Status.BAD_REQUEST_400, "The request has more than one Authorization header.").raise();
        }
        if (raw.contains("%2F") || raw.contains("%2f")) {
            throw Problem.of(Status.NOT_FOUND_404, "There is nothing at this path.").raise();
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
