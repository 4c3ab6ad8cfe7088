package app.todo.adapter.in.http.mcp;

import app.todo.adapter.in.http.testing.Responses;
import app.todo.adapter.in.http.testing.TestServer;
import app.todo.adapter.in.http.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MCP server at /mcp over a real socket: JSON-RPC as the Streamable HTTP transport carries it. */
class McpTest {

    private static TestServer server;
    private final String user = "agent-user-" + UUID.randomUUID();
    private final String token = TestTokens.valid(user);

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> post(String token, String message, String... headers) {
        HttpRequest.Builder request = server.request("/mcp", token).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.send(request.POST(HttpRequest.BodyPublishers.ofString(message)).build());
    }

    private JsonNode call(String token, String tool, String arguments) {
        HttpResponse<String> response = post(token, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}");
        assertEquals(200, response.statusCode(), response::body);
        JsonNode answer = Responses.json(response);
        assertEquals(7, answer.get("id").asInt());
        return answer.get("result");
    }

    @Test
    void withoutATokenItIs401NamingTheResourceMetadata() {
        HttpResponse<String> refused = post(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
        assertEquals(401, refused.statusCode());
        String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer realm=\"todo\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"http://127.0.0.1:" + server.port()
                + "/.well-known/oauth-protected-resource/mcp\""), challenge);
        JsonNode metadata = Responses.json(server.get("/.well-known/oauth-protected-resource/mcp", null));
        assertEquals("http://127.0.0.1:" + server.port() + "/mcp", metadata.get("resource").asText());
        assertEquals("header", metadata.get("bearer_methods_supported").get(0).asText());
    }

    @Test
    void behindAProxyTheResourceMetadataNamesTheUrlTheClientUsed() {
        // As nginx and haproxy send them (Helidon reads X-Forwarded-* only beside an X-Forwarded-For).
        String[] forwarded = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "todo.example.com",
                "X-Forwarded-For", "203.0.113.7"};
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
        try (TestServer proxied = TestServer.start(server.store(), builder -> builder.behindProxy(true))) {
            HttpResponse<String> refused = proxied.send(proxied.request("/mcp", null).header("Content-Type", "application/json")
                    .headers(forwarded)
                    .POST(HttpRequest.BodyPublishers.ofString(initialize)).build());
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow()
                    .contains("resource_metadata=\"https://todo.example.com/.well-known/oauth-protected-resource/mcp\""),
                    refused.headers().toString());
            HttpResponse<String> described = proxied.send(proxied.request("/.well-known/oauth-protected-resource/mcp", null)
                    .headers(forwarded).GET().build());
            assertEquals("https://todo.example.com/mcp", Responses.json(described).get("resource").asText());
            assertTrue(described.headers().allValues("Vary").toString().contains("X-Forwarded-Host"),
                    "a shared cache keeps one answer per name the clients used: " + described.headers());
        }
        // Not behind a proxy, the same headers are anybody's: ignored.
        HttpResponse<String> direct = post(null, initialize, forwarded);
        assertTrue(direct.headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("resource_metadata=\"http://127.0.0.1:" + server.port() + "/"), direct.headers().toString());
    }

    @Test
    void initializeNegotiatesTheVersionAndNotificationsAreAccepted() {
        JsonNode asked = Responses.json(post(token, "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"));
        assertEquals("a", asked.get("id").asText());
        assertEquals("2025-06-18", asked.get("result").get("protocolVersion").asText());
        assertTrue(asked.get("result").get("capabilities").has("tools"));
        JsonNode unknown = Responses.json(post(token, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"1999-01-01\"}}"));
        assertEquals(McpRoutes.PROTOCOL_VERSIONS.getFirst(), unknown.get("result").get("protocolVersion").asText());

        HttpResponse<String> notification = post(token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertEquals(202, notification.statusCode());
        assertEquals("", notification.body());
        assertFalse(notification.headers().firstValue("Mcp-Session-Id").isPresent(), "stateless: any instance answers");
    }

    @Test
    void protocolErrorsAreJsonRpcErrorsAndTransportMistakesAreHttpOnes() {
        assertEquals(-32601, Responses.json(post(token, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}"))
                .get("error").get("code").asInt());
        assertEquals(-32602, Responses.json(post(token, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"drop_database\"}}")).get("error").get("code").asInt());
        assertEquals(-32600, Responses.json(post(token, "[{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}]"))
                .get("error").get("code").asInt(), "no batches");
        assertEquals(400, post(token, "{\"jsonrpc\":", new String[0]).statusCode());
        assertEquals(400, post(token, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}",
                "MCP-Protocol-Version", "1999-01-01").statusCode());
        HttpResponse<String> stream = server.send(server.request("/mcp", token).GET().build());
        assertEquals(405, stream.statusCode());
        assertEquals("POST", stream.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aPageOfAnotherSiteCannotDriveIt() {
        HttpResponse<String> rebound = post(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "Origin", "http://evil.example");
        assertEquals(403, rebound.statusCode());
    }

    @Test
    void theToolsActForTheTokensUserOnlyWithTheRestApisJsonAndRules() {
        JsonNode added = call(token, "add_task", "{\"title\":\"Buy milk\",\"user_id\":\"" + user + "\"}");
        assertFalse(added.get("isError").asBoolean(), added::toString);
        long id = added.get("structuredContent").get("id").asLong();
        assertEquals(user, added.get("structuredContent").get("user_id").asText());
        assertEquals(Responses.json(server.get("/api/" + user + "/tasks/" + id, token)),
                added.get("structuredContent"), "the REST API's task, field for field");

        JsonNode invalid = call(token, "add_task", "{\"title\":\"\\u00a0\"}");
        assertTrue(invalid.get("isError").asBoolean());
        assertTrue(invalid.get("content").get(0).get("text").asText().startsWith("title"), invalid::toString);

        String other = "someone-else-" + UUID.randomUUID();
        JsonNode spoofed = call(token, "delete_task", "{\"task_id\":" + id + ",\"user_id\":\"" + other + "\"}");
        assertTrue(spoofed.get("isError").asBoolean());
        assertEquals(200, server.get("/api/" + user + "/tasks/" + id, token).statusCode(), "nothing was deleted");

        JsonNode theirs = call(TestTokens.valid(other), "complete_task", "{\"task_id\":" + id + "}");
        assertTrue(theirs.get("isError").asBoolean(), "another user's task is not found");
        assertFalse(Responses.json(server.get("/api/" + user + "/tasks/" + id, token)).get("completed").asBoolean());

        JsonNode completed = call(token, "complete_task", "{\"task_id\":\"" + id + "\"}");
        assertTrue(completed.get("structuredContent").get("completed").asBoolean());
        JsonNode listed = call(token, "list_tasks", "{\"status\":\"completed\"}").get("structuredContent");
        assertEquals(1, listed.get("total").asInt());
        JsonNode deleted = call(token, "delete_task", "{\"task_id\":" + id + "}").get("structuredContent");
        assertEquals("deleted", deleted.get("status").asText());
        assertEquals(404, server.get("/api/" + user + "/tasks/" + id, token).statusCode());
    }

    @Test
    void aBannedCallerIsRefusedAsOnRest() {
        String banned = TestTokens.with("banned-" + UUID.randomUUID(), claims -> claims.claim("banned", true));
        assertEquals(403, post(banned, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").statusCode());
    }
}
