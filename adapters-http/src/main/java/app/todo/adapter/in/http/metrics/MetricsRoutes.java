package app.todo.adapter.in.http.metrics;

import app.todo.adapter.in.http.Endpoint;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code GET /metrics}: every meter of the registry in the Prometheus text format
 * ({@code text/plain; version=0.0.4}), or OpenMetrics when the {@code Accept} header prefers
 * {@code application/openmetrics-text}, as Prometheus itself asks.
 */
public final class MetricsRoutes implements HttpService {

    public static final String PATH = "/metrics";

    /** The two formats; the registry picks its writer from these very strings. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private static final MediaType OPEN_METRICS = MediaTypes.create("application/openmetrics-text");

    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, PATH).on(Method.GET, this::scrape).otherwiseNotAllowed();
    }

    private void scrape(ServerRequest req, ServerResponse res) {
        boolean openMetrics = req.headers().bestAccepted(MediaTypes.TEXT_PLAIN, OPEN_METRICS)
                .map(OPEN_METRICS::equals)
                .orElse(false);
        String contentType = openMetrics ? OPEN_METRICS_TEXT : PROMETHEUS_TEXT;
        res.header(HeaderNames.VARY, "Accept");
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.send(registry.scrape(contentType).getBytes(StandardCharsets.UTF_8));
    }
}
