package app.todo.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the project's OpenAPI document at {@code GET /openapi}: YAML, as written, unless the
 * {@code Accept} header prefers JSON; and always as JSON at {@code GET /openapi.json}. The YAML is read when the service is built, the JSON made from
 * it on first request; {@code OpenApiDocumentTest} checks that the document parses, so no start or request finds it broken.
 */
public final class OpenApiRoutes implements HttpService {

    /** Where the document lives on the class path; tests read it from the same place. */
    public static final String RESOURCE = "/openapi/openapi.yaml";
    public static final String PATH = "/openapi";
    /** The JSON form at a path of its own, as FastAPI serves it; what {@code /docs} loads. */
    public static final String JSON_PATH = "/openapi.json";

    private static final HttpMediaType YAML = HttpMediaType.create(MediaTypes.APPLICATION_YAML).withCharset(StandardCharsets.UTF_8);
    private static final HttpMediaType JSON = HttpMediaType.create(MediaTypes.APPLICATION_JSON).withCharset(StandardCharsets.UTF_8);

    private final byte[] yaml;
    /** The JSON form, made on first request: parsing the YAML was a third of a start. */
    private byte[] json;

    public OpenApiRoutes() {
        this.yaml = readResource();
    }

    private synchronized byte[] json() {
        if (json == null) {
            json = toJson(yaml);
        }
        return json;
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, PATH).on(Method.GET, this::serve);
        Endpoint.at(rules, JSON_PATH).on(Method.GET, (req, res) -> {
            res.headers().contentType(JSON);
            res.send(json());
        });
    }

    private void serve(ServerRequest request, ServerResponse response) {
        MediaType preferred = request.headers()
                .bestAccepted(MediaTypes.APPLICATION_YAML, MediaTypes.APPLICATION_JSON)
                .orElse(MediaTypes.APPLICATION_YAML);
        boolean asJson = preferred.equals(MediaTypes.APPLICATION_JSON);
        response.header(HeaderNames.VARY, "Accept");
        response.headers().contentType(asJson ? JSON : YAML);
        response.send(asJson ? json() : yaml);
    }

    private static byte[] readResource() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + RESOURCE + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + RESOURCE, e);
        }
    }

    private static byte[] toJson(byte[] yaml) {
        try {
            JsonNode document = new YAMLMapper().readTree(yaml);
            return new ObjectMapper().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document " + RESOURCE + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
