package app.todo.adapter.in.http.openapi;

import app.todo.adapter.in.http.OpenApiRoutes;
import app.todo.adapter.in.http.testing.OpenApiContract;
import app.todo.domain.task.Description;
import app.todo.domain.task.PageRequest;
import app.todo.domain.task.Priority;
import app.todo.domain.task.Tag;
import app.todo.domain.task.Tags;
import app.todo.domain.task.TaskSort;
import app.todo.domain.task.TaskStatus;
import app.todo.domain.task.Title;
import app.todo.domain.user.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document itself: a valid OpenAPI 3.1 document that agrees with the domain's limits. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNode DOCUMENT = OpenApiContract.document();

    @Test
    void swaggerParserReadsItAsOpenApi31WithoutComplaint() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(resourceText(), null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages());
        OpenAPI openApi = result.getOpenAPI();
        assertNotNull(openApi);
        assertEquals(SpecVersion.V31, openApi.getSpecVersion());
        assertEquals(33, openApi.getPaths().values().stream().mapToLong(p -> p.readOperations().size()).sum());
    }

    /** {@code /docs} shows {@code info.description} above the first operation: a short introduction, not the rule book. */
    @Test
    void theIntroductionIsShortAndTheRulesSitWithTheDocumentsOwnOperation() {
        String introduction = DOCUMENT.path("info").path("description").asText();
        assertTrue(introduction.lines().count() <= 20, introduction);
        String rules = DOCUMENT.path("paths").path("/openapi").path("get").path("description").asText();
        assertTrue(rules.contains("`HEAD` is served wherever `GET` is") && rules.contains("Trust boundaries"), rules);
    }

    @Test
    void itIsOpenApi310() {
        assertEquals("3.1.0", DOCUMENT.path("openapi").asText());
        assertTrue(DOCUMENT.path("info").path("title").isTextual());
        assertTrue(DOCUMENT.path("info").path("version").isTextual());
    }

    @Test
    void everyRefResolves() {
        List<String> dangling = new ArrayList<>();
        walk(DOCUMENT, "", (pointer, node) -> {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || DOCUMENT.at(ref.asText().substring(1)).isMissingNode())) {
                dangling.add(pointer + " -> " + ref.asText());
            }
        });
        assertEquals(List.of(), dangling);
    }

    @Test
    void everyOperationHasAUniqueIdAndSaysWhetherItIsSecured() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                problems.add(name + ": missing or repeated operationId '" + id + "'");
            }
            if (!operation.path("security").isArray()) {
                problems.add(name + ": no explicit security (use [] for a public operation)");
            }
            boolean secured = !operation.path("security").isEmpty();
            if (secured && !operation.path("responses").has("401")) {
                problems.add(name + ": secured but does not list 401");
            }
            operation.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme -> {
                if (!DOCUMENT.path("components").path("securitySchemes").has(scheme)) {
                    problems.add(name + ": unknown security scheme " + scheme);
                }
            }));
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyResponseHasAnExplicitStatusAndARequestId() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> operation.path("responses").properties().forEach(response -> {
            if (!response.getKey().matches("[1-5][0-9][0-9]")) {
                problems.add(name + ": response '" + response.getKey() + "' is not an explicit status");
            }
            JsonNode resolved = resolve(response.getValue());
            JsonNode requestId = resolve(resolved.path("headers").path("X-Request-Id"));
            if (!requestId.path("required").asBoolean(false)) {
                problems.add(name + " " + response.getKey() + ": no required X-Request-Id");
            }
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void errorsAreProblemsAndCarryTheirHeaders() {
        List<String> problems = new ArrayList<>();
        Map<String, String> requiredHeader = Map.of("401", "WWW-Authenticate", "429", "Retry-After", "503", "Retry-After");
        forEachOperation((name, operation) -> operation.path("responses").properties().forEach(response -> {
            JsonNode resolved = resolve(response.getValue());
            boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
            boolean health = name.contains("/health/");
            if (error && !health && !resolved.path("content").has("application/problem+json")) {
                problems.add(name + " " + response.getKey() + ": not application/problem+json");
            }
            String header = requiredHeader.get(response.getKey());
            if (header != null && !health && !resolve(resolved.path("headers").path(header)).path("required").asBoolean(false)) {
                problems.add(name + " " + response.getKey() + ": no required " + header);
            }
        }));
        assertTrue(resolve(DOCUMENT.at("/components/responses/MethodNotAllowed/headers/Allow")).path("required").asBoolean());
        assertEquals(List.of(), problems);
    }

    @Test
    void responseSchemasRejectUndocumentedFields() {
        for (String schema : List.of("Task", "User", "AuthSession", "JwkSet", "AdminUser", "Problem", "Health")) {
            assertEquals(false, DOCUMENT.at("/components/schemas/" + schema + "/additionalProperties").asBoolean(true), schema);
        }
        JsonNode task = DOCUMENT.at("/components/schemas/Task");
        assertEquals(names(task.path("properties")), names(task.path("required")));
    }

    @Test
    void theLimitsAreTheDomains() {
        JsonNode schemas = DOCUMENT.at("/components/schemas");
        assertEquals(Title.MAX_LENGTH, schemas.at("/Title/maxLength").asInt());
        assertEquals(1, schemas.at("/Title/minLength").asInt());
        assertEquals(Description.MAX_LENGTH, schemas.at("/Description/maxLength").asInt());
        assertEquals(Tags.MAX_COUNT, schemas.at("/Tags/maxItems").asInt());
        assertEquals(Tag.MAX_LENGTH, schemas.at("/Tags/items/maxLength").asInt());
        assertEquals(keys(Priority.values()), names(schemas.at("/Priority/enum")));
        assertEquals(keys(Role.values()), names(schemas.at("/User/properties/role/enum")));

        JsonNode limit = DOCUMENT.at("/components/parameters/Limit/schema");
        assertEquals(1, limit.path("minimum").asInt());
        assertEquals(PageRequest.MAX_LIMIT, limit.path("maximum").asInt());
        assertEquals(PageRequest.DEFAULT_LIMIT, limit.path("default").asInt());
        assertEquals(0, DOCUMENT.at("/components/parameters/Offset/schema/minimum").asInt(-1));

        JsonNode list = DOCUMENT.at("/paths/~1api~1{user_id}~1tasks/get/parameters");
        assertEquals(keys(TaskStatus.values()), names(parameter(list, "status").at("/schema/enum")));
        assertEquals(keys(TaskSort.Key.values()), names(parameter(list, "sort").at("/schema/enum")));
        assertEquals(keys(TaskSort.Direction.values()), names(parameter(list, "order").at("/schema/enum")));
        assertEquals(TaskSort.NEWEST_FIRST.key().name().toLowerCase(Locale.ROOT), parameter(list, "sort").at("/schema/default").asText());
        assertEquals(Set.of("status", "priority", "tag", "q", "due_before", "due_after", "sort", "order", "limit", "offset",
                        "If-None-Match"),
                names(list, "name"));
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (resolve(parameter).path("name").asText().equals(name)) {
                return resolve(parameter);
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static Set<String> names(JsonNode parameters, String field) {
        Set<String> names = new HashSet<>();
        parameters.forEach(p -> names.add(resolve(p).path(field).asText()));
        return names;
    }

    private static Set<String> keys(Enum<?>[] values) {
        Set<String> keys = new HashSet<>();
        Arrays.stream(values).forEach(v -> keys.add(v.name().toLowerCase(Locale.ROOT)));
        return keys;
    }

    /** Field names of an object, or the text values of an array. */
    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = DOCUMENT.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static void forEachOperation(BiConsumer<String, JsonNode> action) {
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> action.accept(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue())));
    }

    private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(pointer, node);
            node.properties().forEach(e -> walk(e.getValue(), pointer + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    private static String resourceText() throws IOException {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            assertNotNull(in, OpenApiRoutes.RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
