package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/{user_id}/tasks/changes} over HTTP; the ordering guarantee itself is the repositories' contract. */
class TaskChangesFeedTest extends ApiTestSupport {

    private JsonNode changes(String query) {
        var response = server.get(tasks + "/changes" + query, token);
        assertEquals(200, response.statusCode(), response::body);
        return json(response);
    }

    @Test
    void changesComeOldestFirstWithTombstonesAndACursorThatGoesOn() {
        long kept = createTask("{\"title\":\"kept\"}");
        long doomed = createTask("{\"title\":\"doomed\"}");
        assertEquals(200, server.json("PUT", tasks + "/" + kept, token, "{\"title\":\"kept, renamed\"}").statusCode());
        assertEquals(204, server.send(server.request(tasks + "/" + doomed, token).DELETE().build()).statusCode());

        JsonNode all = changes("");
        assertEquals(2, all.get("changes").size(), all::toString);
        JsonNode task = all.get("changes").get(0);
        assertEquals("kept, renamed", task.get("title").asText());
        assertEquals(2, task.get("version").asLong());
        JsonNode tombstone = all.get("changes").get(1);
        assertEquals(doomed, tombstone.get("id").asLong());
        assertTrue(tombstone.hasNonNull("deleted_at"));
        assertFalse(all.get("has_more").asBoolean());

        String cursor = all.get("next_cursor").asText();
        JsonNode nothing = changes("?since=" + cursor);
        assertEquals(0, nothing.get("changes").size());
        assertEquals(cursor, nothing.get("next_cursor").asText(), "no change, same cursor");

        server.json("PATCH", tasks + "/" + kept + "/complete", token, "{}");
        JsonNode next = changes("?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        assertEquals(1, next.get("changes").size());
        assertTrue(next.get("changes").get(0).get("completed").asBoolean());
    }

    @Test
    void pagesOfOneFollowEachOther() {
        for (int i = 0; i < 3; i++) {
            createTask("{\"title\":\"task " + i + "\"}");
        }
        List<String> titles = new ArrayList<>();
        String query = "?limit=1";
        for (boolean more = true; more; ) {
            JsonNode page = changes(query);
            page.get("changes").forEach(change -> titles.add(change.get("title").asText()));
            more = page.get("has_more").asBoolean();
            query = "?limit=1&since=" + page.get("next_cursor").asText();
        }
        assertEquals(List.of("task 0", "task 1", "task 2"), titles);
    }

    @Test
    void aCursorThisServiceDidNotGiveOrALimitOutOfRangeIsA422() {
        assertInvalid(server.get(tasks + "/changes?since=12", token), "since");
        assertInvalid(server.get(tasks + "/changes?since=ZmVlZDE6LTE", token), "since"); // "feed1:-1"
        assertInvalid(server.get(tasks + "/changes?limit=0", token), "limit");
        assertInvalid(server.get(tasks + "/changes?limit=501&since=x", token), "limit", "since");
    }

    @Test
    void anotherUsersFeedIsForbiddenAndNoTokenIsUnauthorized() {
        assertProblem(server.get("/api/someone-else/tasks/changes", token), 403);
        assertProblem(server.get(tasks + "/changes", null), 401);
        createTask("{\"title\":\"mine\"}");
        String stranger = "user-stranger-" + java.util.UUID.randomUUID();
        var theirs = server.get("/api/" + stranger + "/tasks/changes", TestTokens.valid(stranger));
        assertEquals(0, json(theirs).get("changes").size(), "nobody sees another user's changes");
    }
}
