package app.todo.adapter.in.http.mcp;

import app.todo.adapter.in.http.AuthenticationFilter;
import app.todo.adapter.in.http.Endpoint;
import app.todo.adapter.in.http.JsonResponses;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) for the MCP server, as the MCP authorization specification
 * asks: {@code GET /.well-known/oauth-protected-resource} (and the same under {@code …/mcp}, the form for a
 * resource with a path) names the resource and the authorization servers whose tokens it accepts. A request
 * to {@code /mcp} without a valid token gets {@code 401} with {@code WWW-Authenticate: Bearer
 * resource_metadata="…"} pointing here.
 */
public final class ProtectedResourceMetadataRoutes implements HttpService {

    public static final String PATH = AuthenticationFilter.RESOURCE_METADATA_PATH;

    private final List<URI> authorizationServers;

    /**
     * @param authorizationServers who issues the tokens (Better Auth's base URL when configured); the service
     *                             itself is always one, for its own accounts
     */
    public ProtectedResourceMetadataRoutes(List<URI> authorizationServers) {
        this.authorizationServers = List.copyOf(Objects.requireNonNull(authorizationServers, "authorizationServers"));
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoint.at(rules, "/").on(Method.GET, this::metadata).otherwiseNotAllowed();
        Endpoint.at(rules, McpRoutes.PATH).on(Method.GET, this::metadata).otherwiseNotAllowed();
    }

    private void metadata(ServerRequest req, ServerResponse res) {
        String base = AuthenticationFilter.baseUrl(req);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("resource", base + McpRoutes.PATH);
        var servers = body.putArray("authorization_servers");
        authorizationServers.forEach(server -> servers.add(server.toString().replaceAll("/+$", "")));
        servers.add(base);
        body.putArray("bearer_methods_supported").add("header");
        body.put("resource_name", "Todo API");
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        // Behind a proxy the URLs come from its forwarded headers: a shared cache must not hand one client's
        // answer to a request that came in under another name.
        res.header(HeaderNames.VARY, res.headers().first(HeaderNames.VARY).map(v -> v + ", ").orElse("")
                + "Forwarded, X-Forwarded-Host, X-Forwarded-Proto");
        JsonResponses.send(res, Status.OK_200, body);
    }

}
