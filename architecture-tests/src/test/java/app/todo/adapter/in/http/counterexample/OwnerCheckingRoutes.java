package app.todo.adapter.in.http.counterexample;

import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

/** Breaks "the owner rule is checked once": the edge decides whose tasks a caller may touch by itself. */
public final class OwnerCheckingRoutes {

    public boolean allowed(User caller, String pathSegment) {
        return caller.mayManageTasksOf(new UserId(pathSegment));
    }
}
