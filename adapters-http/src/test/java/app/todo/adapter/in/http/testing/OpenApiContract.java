package app.todo.adapter.in.http.testing;

import app.todo.adapter.in.http.OpenApiRoutes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks a live HTTP exchange against the project's OpenAPI document
 * ({@value OpenApiRoutes#RESOURCE}), so every test that talks HTTP also proves the document true.
 *
 * <p>The request's method and path pick the operation (literal path segments win over templated
 * ones). The check fails, with every problem in one {@link AssertionError}, when the status is not
 * listed for that operation, a header the document marks {@code required} for that status is
 * missing or a documented header's value breaks its schema, the content type (type/subtype only)
 * is not a listed media type, a response without documented content has a body, or a JSON body
 * does not validate against the schema (JSON Schema 2020-12, formats asserted).
 *
 * <p>A path the document does not know must answer with the shared {@code NotFound} response
 * ({@code 404}); a known path with a method the document does not list must answer with the
 * shared {@code MethodNotAllowed} response ({@code 405} with {@code Allow}). Under {@code /api/},
 * where authentication runs before routing, either may instead be the shared {@code Unauthorized}
 * ({@code 401}) or {@code Forbidden} ({@code 403}) response, as the document's description says.
 *
 * <p>A response to {@code HEAD} never has content (RFC 9110), so its body must be empty and is not
 * checked against a schema; its status and headers are.
 *
 * <p>The document is loaded and every schema compiled once, when the class is first used;
 * the class is stateless after that and safe to use from parallel tests.
 */
public final class OpenApiContract {

    private static final String DOCUMENT_IRI = "https://todo.app/openapi.json";
    private static final int MAX_BODY_IN_MESSAGE = 2_000;

    private OpenApiContract() {
    }

    /** The documented operations as {@code "METHOD /template"}, e.g. {@code "GET /api/{user_id}/tasks"}. */
    public static Set<String> operations() {
        return Document.INSTANCE.operationNames;
    }

    /**
     * The document, freshly parsed and not compiled, for tests that look into it; unlike
     * {@link #check} it works even when the document has a dangling {@code $ref}.
     */
    public static JsonNode document() {
        return readDocument();
    }

    /** Checks a response, taking the method and path from the request that produced it. */
    public static void check(HttpResponse<String> response) {
        URI uri = response.request().uri();
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        check(response.request().method(), path, response);
    }

    /**
     * Checks a response to {@code method requestPath}; the path is concrete and may carry a query
     * ({@code /api/abc/tasks/42?status=pending}).
     */
    public static void check(String method, String requestPath, HttpResponse<String> response) {
        check(method, requestPath, response.statusCode(), response.headers().map(), response.body());
    }

    /**
     * Checks a response given as its parts, for clients other than {@code java.net.http}.
     * Header names are compared ignoring case.
     */
    public static void check(String method, String requestPath, int status, Map<String, List<String>> headers, String body) {
        Document.INSTANCE.check(method.toUpperCase(Locale.ROOT), withoutTrailingSlash(requestPath), status, headers,
                body == null ? "" : body);
    }

    /** The document says once that every path is served with or without a trailing slash. */
    static String withoutTrailingSlash(String requestPath) {
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        String rest = query < 0 ? "" : requestPath.substring(query);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path + rest;
    }

    /** One documented response: its headers and its media types, each with a compiled schema if JSON. */
    private record Outcome(String pointer, Map<String, HeaderRule> headers, Map<String, Optional<Schema>> content) {
    }

    private record HeaderRule(String name, boolean required, Schema schema, boolean numeric) {
    }

    private record Operation(String method, PathTemplate path, Map<String, Outcome> responses) {

        String name() {
            return method + " " + path.template();
        }
    }

    private static final class Document {

        static final Document INSTANCE = new Document();

        private final JsonNode root;
        private final SchemaRegistry registry;
        private final List<Operation> operations = new ArrayList<>();
        private final Set<String> operationNames;
        private final Outcome notFound;
        private final Outcome methodNotAllowed;
        /** The shared responses of authentication, by status: 401 and 403. */
        private final Map<Integer, Outcome> callerRefusals;

        private Document() {
            root = readDocument();
            registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemas(Map.of(DOCUMENT_IRI, json(root)))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            root.path("paths").properties().forEach(path -> {
                PathTemplate template = PathTemplate.parse(path.getKey());
                String pathPointer = "/paths/" + escape(path.getKey());
                path.getValue().properties().stream()
                        .filter(entry -> !entry.getKey().equals("parameters"))
                        .forEach(op -> operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), template,
                                outcomes(pathPointer + "/" + op.getKey() + "/responses"))));
            });
            operationNames = operations.stream().map(Operation::name).collect(Collectors.toCollection(LinkedHashSet::new));
            notFound = outcome("/components/responses/NotFound");
            methodNotAllowed = outcome("/components/responses/MethodNotAllowed");
            callerRefusals = Map.of(401, outcome("/components/responses/Unauthorized"),
                    403, outcome("/components/responses/Forbidden"));
        }

        /** Whether the server authenticates this path before routing it (it collapses repeated slashes too). */
        private static boolean isUnderApi(String path) {
            String normalized = path.replaceAll("/{2,}", "/");
            return normalized.equals("/api") || normalized.startsWith("/api/");
        }

        void check(String method, String requestPath, int status, Map<String, List<String>> headers, String body) {
            String path = requestPath.contains("?") ? requestPath.substring(0, requestPath.indexOf('?')) : requestPath;
            String exchange = method + " " + requestPath + " answered " + status;
            Optional<PathTemplate> template = operations.stream()
                    .map(Operation::path)
                    .filter(t -> t.matches(path))
                    .distinct()
                    .min(PathTemplate.MOST_SPECIFIC_FIRST);
            List<String> problems = new ArrayList<>();
            Outcome outcome;
            String where;
            Optional<Outcome> refusedCaller = isUnderApi(path) ? Optional.ofNullable(callerRefusals.get(status)) : Optional.empty();
            if (template.isEmpty() && refusedCaller.isPresent()) {
                where = "a path the document does not list, under /api/ where the caller is checked first";
                outcome = refusedCaller.get();
            } else if (template.isEmpty()) {
                where = "a path the document does not list, so it must be the shared NotFound response";
                outcome = expectStatus(404, status, notFound, problems);
            } else {
                // HEAD answers every GET with the GET's status and headers (RFC 9110 §9.3.2), as documented once.
                String documented = method.equals("HEAD") ? "GET" : method;
                Optional<Operation> operation = operations.stream()
                        .filter(op -> op.path().equals(template.get()) && op.method().equals(documented))
                        .findFirst();
                if (operation.isEmpty() && refusedCaller.isPresent()) {
                    where = method + " is not documented for " + template.get().template()
                            + ", under /api/ where the caller is checked first";
                    outcome = refusedCaller.get();
                } else if (operation.isEmpty()) {
                    where = method + " is not documented for " + template.get().template()
                            + ", so it must be the shared MethodNotAllowed response";
                    outcome = expectStatus(405, status, methodNotAllowed, problems);
                } else {
                    where = operation.get().name();
                    outcome = operation.get().responses().get(Integer.toString(status));
                    if (outcome == null) {
                        problems.add("status " + status + " is not listed; the document lists "
                                + String.join(", ", operation.get().responses().keySet()));
                    }
                }
            }
            if (outcome != null) {
                checkHeaders(outcome, headers, problems);
                if (method.equals("HEAD")) {
                    if (!body.isEmpty()) {
                        problems.add("a response to HEAD has a body");
                    }
                } else {
                    checkContent(outcome, headers, body, problems);
                }
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(exchange + ", which breaks the OpenAPI document (" + where + "):\n  - "
                        + String.join("\n  - ", problems) + "\nbody: " + abbreviate(body));
            }
        }

        private static Outcome expectStatus(int expected, int actual, Outcome outcome, List<String> problems) {
            if (actual != expected) {
                problems.add("status " + actual + " where the document demands " + expected);
                return null;
            }
            return outcome;
        }

        private void checkHeaders(Outcome outcome, Map<String, List<String>> headers, List<String> problems) {
            for (HeaderRule rule : outcome.headers().values()) {
                Optional<String> value = header(headers, rule.name());
                if (value.isEmpty()) {
                    if (rule.required()) {
                        problems.add("required header " + rule.name() + " is missing");
                    }
                    continue;
                }
                String asJson = rule.numeric() && value.get().strip().matches("-?\\d+(\\.\\d+)?")
                        ? value.get().strip()
                        : json(value.get());
                List<Error> errors = rule.schema().validate(asJson, InputFormat.JSON);
                errors.forEach(e -> problems.add("header " + rule.name() + ": " + value.get() + " " + e.getMessage()));
            }
        }

        private void checkContent(Outcome outcome, Map<String, List<String>> headers, String body, List<String> problems) {
            Optional<String> contentType = header(headers, "Content-Type");
            if (outcome.content().isEmpty()) {
                if (!body.isEmpty()) {
                    problems.add("the document lists no content for this response, but it has a body");
                }
                return;
            }
            if (contentType.isEmpty()) {
                problems.add("Content-Type is missing; the document lists " + outcome.content().keySet());
                return;
            }
            String mediaType = mediaType(contentType.get());
            if (!outcome.content().containsKey(mediaType)) {
                problems.add("Content-Type " + contentType.get() + " is not one of " + outcome.content().keySet());
                return;
            }
            Optional<Schema> schema = outcome.content().get(mediaType);
            if (schema.isEmpty()) {
                return;
            }
            List<Error> errors;
            try {
                errors = schema.get().validate(body, InputFormat.JSON);
            } catch (RuntimeException e) {
                problems.add("the body is not JSON: " + e.getMessage());
                return;
            }
            errors.forEach(e -> problems.add("body " + e.getInstanceLocation() + ": " + e.getMessage()));
        }

        private Map<String, Outcome> outcomes(String responsesPointer) {
            Map<String, Outcome> byStatus = new TreeMap<>();
            root.at(responsesPointer).properties().forEach(status ->
                    byStatus.put(status.getKey(), outcome(responsesPointer + "/" + escape(status.getKey()))));
            return Collections.unmodifiableMap(byStatus);
        }

        private Outcome outcome(String pointer) {
            String responsePointer = dereference(pointer);
            JsonNode response = root.at(responsePointer);
            Map<String, HeaderRule> headers = new LinkedHashMap<>();
            response.path("headers").properties().forEach(header -> {
                String headerPointer = dereference(responsePointer + "/headers/" + escape(header.getKey()));
                JsonNode definition = root.at(headerPointer);
                String type = root.at(dereference(headerPointer + "/schema")).path("type").asText("");
                headers.put(header.getKey().toLowerCase(Locale.ROOT), new HeaderRule(header.getKey(),
                        definition.path("required").asBoolean(false),
                        compile(headerPointer + "/schema"),
                        type.equals("integer") || type.equals("number")));
            });
            Map<String, Optional<Schema>> content = new LinkedHashMap<>();
            response.path("content").properties().forEach(media -> {
                String schemaPointer = responsePointer + "/content/" + escape(media.getKey()) + "/schema";
                boolean json = isJson(media.getKey()) && !root.at(schemaPointer).isMissingNode();
                content.put(media.getKey().toLowerCase(Locale.ROOT), json ? Optional.of(compile(schemaPointer)) : Optional.empty());
            });
            return new Outcome(responsePointer, Map.copyOf(headers), Map.copyOf(content));
        }

        /** Follows local {@code $ref}s until the pointer names the object itself. */
        private String dereference(String pointer) {
            String current = pointer;
            for (int hops = 0; hops < 10; hops++) {
                JsonNode ref = root.at(current).path("$ref");
                if (!ref.isTextual()) {
                    return current;
                }
                if (!ref.asText().startsWith("#/")) {
                    throw new IllegalStateException("Only local $refs are supported, not " + ref.asText() + " at " + current);
                }
                current = ref.asText().substring(1);
                if (root.at(current).isMissingNode()) {
                    throw new IllegalStateException("Dangling $ref " + ref.asText() + " at " + pointer);
                }
            }
            throw new IllegalStateException("$ref cycle at " + pointer);
        }

        private Schema compile(String pointer) {
            Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + encodeFragment(pointer)));
            schema.initializeValidators();
            return schema;
        }
    }

    private static JsonNode readDocument() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OpenApiRoutes.RESOURCE + " is not on the class path");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OpenApiRoutes.RESOURCE, e);
        }
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> String.join(", ", h.getValue()))
                .findFirst();
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        String type = mediaType(mediaType);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** RFC 6901 escaping of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: characters a fragment may not hold are percent-encoded. */
    private static String encodeFragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= MAX_BODY_IN_MESSAGE ? body : body.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
}
