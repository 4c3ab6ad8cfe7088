package app.todo.adapter.in.http.counterexample;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** Counterexample: a Helidon service not named *Routes. */
public final class TaskHandler implements HttpService {
    @Override
    public void routing(HttpRules rules) {
    }
}
