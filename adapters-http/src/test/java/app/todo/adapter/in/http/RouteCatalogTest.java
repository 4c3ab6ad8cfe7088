package app.todo.adapter.in.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteCatalogTest {

    @Test
    void aRouteIsListedUnderItsGroupsPrefixWithPlainVariableNames() {
        assertEquals("/api/{user_id}/tasks", RouteCatalog.join("/api", "/{user_id}/tasks"));
        assertEquals("/api/tasks/{id}", RouteCatalog.join("/api", "tasks/{id:\\d+}"));
        assertEquals("/api/auth", RouteCatalog.join("/api/auth", "/"));
        assertEquals("/openapi", RouteCatalog.join("", "/openapi"));
        assertEquals("/", RouteCatalog.join("", "/"));
    }
}
