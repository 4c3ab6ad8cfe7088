package app.todo.adapter.in.http;

import app.todo.domain.user.User;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Who sent a request, as {@link AuthenticationFilter} identified them: what routes ask for. The filter registers
 * these in the request's context; routes never reach into the filter.
 */
public final class Caller {

    private Caller() {
    }

    /**
     * The authenticated caller. Fails closed: a route reached without the filter having identified anyone answers
     * 401, never runs anonymously.
     */
    public static User of(ServerRequest req) {
        return req.context().get(User.class).orElseThrow(() -> AuthenticationFilter.missingToken().raise());
    }

    /** The caller's own session, for sign-out, the session list and password changes; absent for other tokens. */
    public static Optional<OwnSession> ownSession(ServerRequest req) {
        return req.context().get(OwnSession.class);
    }

    /** The check of the request's credential (see {@link StillValid}); a request without one is never valid again. */
    public static BooleanSupplier stillValid(ServerRequest req) {
        return req.context().get(StillValid.class).<BooleanSupplier>map(StillValid::check).orElse(() -> false);
    }

    /** The own session the caller's access token belongs to ({@code sid}). */
    public record OwnSession(String id) {
    }

    /**
     * Whether the request's credential would still be accepted now (not expired, its session not revoked, its
     * user not disabled), within the same cache windows as a new request; for responses that last (docs/api.md,
     * "Live stream").
     */
    public record StillValid(BooleanSupplier check) {
    }
}
