package app.todo.adapter.in.http.mcp;

import app.todo.adapter.in.http.AuthenticationFilter;
import app.todo.adapter.in.http.Caller;
import app.todo.adapter.in.http.RequestBodies;
import app.todo.application.port.in.TaskUseCases;
import app.todo.adapter.in.http.json.Json;
import app.todo.adapter.in.http.problem.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code /mcp}: a Model Context Protocol server on the Streamable HTTP transport (docs/assistants.md), so that AI
 * assistants manage the signed-in user's tasks with the REST API's isolation. Stateless: every JSON-RPC message
 * is a {@code POST} answered with one JSON object ({@code 202} for a notification), no {@code Mcp-Session-Id},
 * no server-sent stream ({@code GET} is {@code 405}, as the transport allows), so any instance behind a load
 * balancer answers any message.
 *
 * <p>The JSON-RPC layer is ours: the official Java SDK's HTTP transports are servlet or Spring WebFlux
 * providers, and Helidon SE is neither. Who the user is comes from the bearer token only, through the same
 * {@link AuthenticationFilter} as every {@code /api} route; a {@code user_id} argument is checked against it.
 */
public final class McpRoutes implements HttpService {

    public static final String PATH = AuthenticationFilter.MCP_PATH;
    /** Newest first; an {@code initialize} asking for another version gets the newest. */
    static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final McpTools tools;
    private final RequestBodies bodies;
    private final Predicate<String> allowedOrigin;

    /** @param allowedOrigin whether a browser {@code Origin} may call ({@code CORS_ORIGINS}) */
    public McpRoutes(TaskUseCases tasks, RequestBodies bodies, Predicate<String> allowedOrigin) {
        this.tools = new McpTools(Objects.requireNonNull(tasks, "tasks"));
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.allowedOrigin = Objects.requireNonNull(allowedOrigin, "allowedOrigin");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::message);
        rules.any("/", (req, res) -> {
            throw Problem.of(Status.METHOD_NOT_ALLOWED_405,
                    "This MCP server answers each message in its POST and offers no event stream.")
                    .withHeader("Allow", "POST").raise();
        });
    }

    private void message(ServerRequest req, ServerResponse res) {
        // DNS rebinding: a page of another site must not drive a server on the user's machine.
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !allowedOrigin.test(origin.get())) {
            throw Problem.of(Status.FORBIDDEN_403, "This Origin may not call the MCP server (CORS_ORIGINS).").raise();
        }
        Optional<String> version = req.headers().first(HeaderNames.create("MCP-Protocol-Version"));
        if (version.isPresent() && !PROTOCOL_VERSIONS.contains(version.get())) {
            throw Problem.of(Status.BAD_REQUEST_400, "Unsupported MCP-Protocol-Version; supported: "
                    + String.join(", ", PROTOCOL_VERSIONS) + ".").raise();
        }
        JsonNode message = bodies.required(req);
        if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
            send(res, error(NODES.nullNode(), -32600, "Invalid Request: one JSON-RPC 2.0 object per POST"));
            return;
        }
        JsonNode id = message.get("id");
        String method = message.path("method").asText("");
        if (id == null) { // a notification (or a response of the client): accepted, nothing to answer
            res.status(Status.ACCEPTED_202).send();
            return;
        }
        if (!(id.isTextual() || id.isIntegralNumber())) {
            send(res, error(NODES.nullNode(), -32600, "Invalid Request: id must be a string or a number"));
            return;
        }
        JsonNode params = message.path("params");
        ObjectNode answer = switch (method) {
            case "initialize" -> result(id, initialize(params));
            case "ping" -> result(id, NODES.objectNode());
            case "tools/list" -> result(id, tools.list());
            case "tools/call" -> call(id, params, req);
            default -> error(id, -32601, "Method not found: " + method);
        };
        send(res, answer);
    }

    private ObjectNode call(JsonNode id, JsonNode params, ServerRequest req) {
        String name = params.path("name").asText("");
        if (!tools.has(name)) {
            return error(id, -32602, "Unknown tool: " + name);
        }
        JsonNode arguments = params.path("arguments");
        if (!arguments.isMissingNode() && !arguments.isNull() && !arguments.isObject()) {
            return error(id, -32602, "arguments must be an object");
        }
        return result(id, tools.call(name, arguments.isObject() ? arguments : NODES.objectNode(),
                Caller.of(req)));
    }

    private static ObjectNode initialize(JsonNode params) {
        String asked = params.path("protocolVersion").asText("");
        ObjectNode result = NODES.objectNode();
        result.put("protocolVersion", PROTOCOL_VERSIONS.contains(asked) ? asked : PROTOCOL_VERSIONS.getFirst());
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        result.putObject("serverInfo").put("name", "todo-api").put("title", "Todo API").put("version", "1.0.0");
        result.put("instructions", "Tools to manage the signed-in user's tasks. The user is the one the bearer "
                + "token names; user_id may be left out, and naming anyone else is refused.");
        return result;
    }

    private static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode answer = NODES.objectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode answer = NODES.objectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        answer.putObject("error").put("code", code).put("message", message);
        return answer;
    }

    private static void send(ServerResponse res, ObjectNode answer) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, Json.MEDIA_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(Json.write(answer));
    }
}
