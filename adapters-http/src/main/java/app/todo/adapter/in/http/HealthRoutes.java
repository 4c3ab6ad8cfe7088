package app.todo.adapter.in.http;

import app.todo.adapter.in.http.json.StatusJson;
import app.todo.adapter.in.http.problem.ProblemMapper;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /health/live}: the process answers. {@code /health/ready}: it can serve (the database is up). */
final class HealthRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(HealthRoutes.class.getName());

    private final ReadinessCheck readiness;

    HealthRoutes(ReadinessCheck readiness) {
        this.readiness = readiness;
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, "/live").on(Method.GET, (req, res) -> JsonResponses.send(res, Status.OK_200, StatusJson.UP))
                .otherwiseNotAllowed();
        Endpoint.at(rules, "/ready").on(Method.GET, this::ready).otherwiseNotAllowed();
    }

    private void ready(ServerRequest req, ServerResponse res) {
        if (!isReady()) {
            throw ProblemMapper.storageUnavailable().raise();
        }
        JsonResponses.send(res, Status.OK_200, StatusJson.UP);
    }

    private boolean isReady() {
        try {
            return readiness.isReady();
        } catch (RuntimeException e) {
            // A check that fails is an answer ("not ready"), not an error of this route.
            LOG.log(System.Logger.Level.WARNING, "readiness check failed: {0}", e.toString());
            return false;
        }
    }
}
