package app.todo.adapter.in.http;

import app.todo.adapter.in.http.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRoutesTest extends ApiTestSupport {

    private static final Pattern SECOND_PRECISION_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    @Test
    void createAnswers201WithTheTaskItsLocationAndETag() {
        HttpResponse<String> created = create("""
                {"title": "  Buy milk ", "description": "2 litres", "priority": "high",
                 "due_date": "2026-12-01", "tags": ["Home", "errands", "home"], "id": 999, "user_id": "someone",
                 "version": 7, "created_at": "2000-01-01T00:00:00Z", "colour": "blue"}""");

        assertEquals(201, created.statusCode(), created::body);
        assertTrue(header(created, "Content-Type").startsWith("application/json"));
        JsonNode task = json(created);
        long id = task.get("id").asLong();
        assertTrue(id != 999, "a client cannot choose the id");
        assertEquals(tasks + "/" + id, header(created, "Location"));
        assertEquals("\"1\"", header(created, "ETag"));
        assertEquals(user, task.get("user_id").asText());
        assertEquals("Buy milk", task.get("title").asText());
        assertEquals("2 litres", task.get("description").asText());
        assertFalse(task.get("completed").asBoolean());
        assertEquals("high", task.get("priority").asText());
        assertEquals("2026-12-01", task.get("due_date").asText());
        assertEquals(List.of("home", "errands"), List.of(task.get("tags").get(0).asText(), task.get("tags").get(1).asText()));
        assertEquals(2, task.get("tags").size());
        assertTrue(SECOND_PRECISION_UTC.matcher(task.get("created_at").asText()).matches(), task::toString);
        assertEquals(task.get("created_at"), task.get("updated_at"));
        assertTrue(task.get("completed_at").isNull());
        assertEquals(1, task.get("version").asLong());
    }

    @Test
    void aMinimalTaskHasDefaultsNullsAndAnEmptyTagArray() {
        JsonNode task = json(create("{\"title\": \"Minimal\"}"));

        assertEquals("medium", task.get("priority").asText());
        assertTrue(task.get("description").isNull());
        assertTrue(task.get("due_date").isNull());
        assertTrue(task.get("tags").isArray() && task.get("tags").isEmpty());
        assertEquals(12, task.size(), "every field is present, nulls included");
    }

    @Test
    void getAnswersTheTaskWithItsETag() {
        long id = createTask("{\"title\": \"Read me\"}");

        HttpResponse<String> got = server.get(tasks + "/" + id, token);

        assertEquals(200, got.statusCode());
        assertEquals("\"1\"", header(got, "ETag"));
        assertEquals("Read me", json(got).get("title").asText());
    }

    @Test
    void putUpdatesOnlyTheFieldsSentAndBumpsTheVersion() {
        long id = createTask("{\"title\": \"Old\", \"description\": \"keep me\", \"due_date\": \"2026-01-02\"}");

        HttpResponse<String> updated = server.json("PUT", tasks + "/" + id, token,
                "{\"title\": \"New\", \"due_date\": null}");

        assertEquals(200, updated.statusCode(), updated::body);
        assertEquals("\"2\"", header(updated, "ETag"));
        JsonNode task = json(updated);
        assertEquals("New", task.get("title").asText());
        assertEquals("keep me", task.get("description").asText());
        assertTrue(task.get("due_date").isNull(), "null clears the due date");
        assertEquals(2, task.get("version").asLong());
    }

    @Test
    void aPutThatChangesNothingKeepsTheVersionAndUpdatedAt() {
        JsonNode before = json(create("{\"title\": \"Same\"}"));

        HttpResponse<String> updated = server.json("PUT", tasks + "/" + before.get("id").asLong(), token,
                "{\"title\": \"Same\"}");

        assertEquals(200, updated.statusCode());
        assertEquals("\"1\"", header(updated, "ETag"));
        assertEquals(before.get("updated_at"), json(updated).get("updated_at"));
    }

    @Test
    void aPutWithNoKnownFieldIsA422() {
        long id = createTask("{\"title\": \"x\"}");

        assertInvalid(server.json("PUT", tasks + "/" + id, token, "{\"colour\": \"blue\"}"), "body");
    }

    @Test
    void patchCompleteWithoutABodyToggles() {
        long id = createTask("{\"title\": \"Toggle\"}");

        HttpResponse<String> done = server.json("PATCH", tasks + "/" + id + "/complete", token, null);
        assertEquals(200, done.statusCode(), done::body);
        assertTrue(json(done).get("completed").asBoolean());
        assertTrue(SECOND_PRECISION_UTC.matcher(json(done).get("completed_at").asText()).matches());
        assertEquals("\"2\"", header(done, "ETag"));

        HttpResponse<String> undone = server.json("PATCH", tasks + "/" + id + "/complete", token, "{}");
        assertFalse(json(undone).get("completed").asBoolean());
        assertTrue(json(undone).get("completed_at").isNull());
    }

    @Test
    void patchCompleteWithAValueSetsIt() {
        long id = createTask("{\"title\": \"Set\"}");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> done = server.json("PATCH", tasks + "/" + id + "/complete", token,
                    "{\"completed\": true}");
            assertEquals(200, done.statusCode());
            assertTrue(json(done).get("completed").asBoolean(), "setting is idempotent, not a toggle");
        }
        assertEquals("\"2\"", header(server.get(tasks + "/" + id, token), "ETag"), "the second set was a no-op");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"completed\": \"yes\"}", "{\"completed\": 1}", "{\"completed\": null}"})
    void patchCompleteWithAWrongTypeIsA422(String body) {
        long id = createTask("{\"title\": \"x\"}");

        assertInvalid(server.json("PATCH", tasks + "/" + id + "/complete", token, body), "completed");
    }

    @Test
    void deleteAnswers204AndTheTaskIsGone() {
        long id = createTask("{\"title\": \"Bye\"}");

        HttpResponse<String> deleted = server.send(server.request(tasks + "/" + id, token).DELETE().build());

        assertEquals(204, deleted.statusCode());
        assertTrue(deleted.body().isEmpty());
        assertProblem(server.get(tasks + "/" + id, token), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"424242", "abc", "0", "-1", "99999999999999999999", "1.5"})
    void aTaskIdThatNamesNoTaskIs404(String id) {
        assertProblem(server.get(tasks + "/" + id, token), 404);
        assertProblem(server.json("PUT", tasks + "/" + id, token, "{\"title\": \"x\"}"), 404);
        assertProblem(server.json("PATCH", tasks + "/" + id + "/complete", token, null), 404);
        assertProblem(server.send(server.request(tasks + "/" + id, token).DELETE().build()), 404);
    }

    @Test
    void anotherUsersTaskIsIndistinguishableFromAMissingOne() {
        long mine = createTask("{\"title\": \"Private\"}");
        String intruder = "intruder-" + user;
        String theirPath = "/api/" + intruder + "/tasks/";
        String theirToken = TestTokens.valid(intruder);

        HttpResponse<String> existing = server.get(theirPath + mine, theirToken);
        HttpResponse<String> missing = server.get(theirPath + 987654321, theirToken);

        JsonNode a = assertProblem(existing, 404);
        JsonNode b = assertProblem(missing, 404);
        assertEquals(a.get("title"), b.get("title"));
        assertEquals(a.get("detail").asText().replace(Long.toString(mine), "N"),
                b.get("detail").asText().replace("987654321", "N"));
        assertProblem(server.json("PUT", theirPath + mine, theirToken, "{\"title\": \"mine now\"}"), 404);
        assertProblem(server.send(server.request(theirPath + mine, theirToken).DELETE().build()), 404);
        assertEquals("Private", json(server.get(tasks + "/" + mine, token)).get("title").asText());
    }

    @Test
    void anotherUsersPathIs403() {
        String other = "/api/someone-else/tasks";

        assertProblem(server.get(other, token), 403);
        assertProblem(server.json("POST", other, token, "{\"title\": 123}"), 403);
        assertProblem(server.get(other + "/1", token), 403);
    }

    // --- If-Match ---

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "*", "\"7\", \"1\"", "\"9\",W/\"1\", \"1\""})
    void aMatchingIfMatchLetsTheChangeThrough(String ifMatch) {
        long id = createTask("{\"title\": \"v1\"}");

        HttpResponse<String> updated = server.send(server.request(tasks + "/" + id, token)
                .header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"v2\"}")).build());

        assertEquals(200, updated.statusCode(), updated::body);
        assertEquals("\"2\"", header(updated, "ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "W/\"0\"", "W/\"1\"", "\"3\", \"4\"", "\"abc\"", "\"9\",W/\"1\""})
    void aStaleOrUnreadableIfMatchIs412AndChangesNothing(String ifMatch) {
        long id = createTask("{\"title\": \"v1\"}");

        List<HttpResponse<String>> answers = putPatchAndDelete(id, ifMatch);
        HttpResponse<String> put = answers.get(0);
        HttpResponse<String> patch = answers.get(1);
        HttpResponse<String> delete = answers.get(2);

        assertProblem(put, 412);
        assertProblem(patch, 412);
        assertProblem(delete, 412);
        JsonNode task = json(server.get(tasks + "/" + id, token));
        assertEquals("v1", task.get("title").asText());
        assertEquals(1, task.get("version").asLong());
    }

    /** Not an entity tag at all: 400 with the quoted form, on every conditional route, and nothing changes. */
    @ParameterizedTest
    @ValueSource(strings = {"1", "garbage", "\"1", "W/1"})
    void anIfMatchThatIsNotAnEntityTagIs400AndChangesNothing(String ifMatch) {
        long id = createTask("{\"title\": \"v1\"}");

        List<HttpResponse<String>> answers = putPatchAndDelete(id, ifMatch);
        HttpResponse<String> put = answers.get(0);
        HttpResponse<String> patch = answers.get(1);
        HttpResponse<String> delete = answers.get(2);

        assertTrue(assertProblem(put, 400).get("detail").asText().contains("\"3\""), "shows the quoted form");
        assertProblem(patch, 400);
        assertProblem(delete, 400);
        assertEquals(1, json(server.get(tasks + "/" + id, token)).get("version").asLong());
    }

    /** The three conditional requests on a task, each with the same If-Match. */
    private List<HttpResponse<String>> putPatchAndDelete(long id, String ifMatch) {
        return List.of(server.send(server.request(tasks + "/" + id, token)
                        .header("Content-Type", "application/json").header("If-Match", ifMatch)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"v2\"}")).build()),
                server.send(server.request(tasks + "/" + id + "/complete", token)
                        .header("If-Match", ifMatch).method("PATCH", HttpRequest.BodyPublishers.noBody()).build()),
                server.send(server.request(tasks + "/" + id, token).header("If-Match", ifMatch).DELETE().build()));
    }

    @Test
    void theETagOfOneAnswerIsTheIfMatchOfTheNext() {
        long id = createTask("{\"title\": \"flow\"}");
        String etag = header(server.get(tasks + "/" + id, token), "ETag");

        HttpResponse<String> first = server.send(server.request(tasks + "/" + id + "/complete", token)
                .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> again = server.send(server.request(tasks + "/" + id + "/complete", token)
                .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> delete = server.send(server.request(tasks + "/" + id, token)
                .header("If-Match", header(first, "ETag")).DELETE().build());

        assertEquals(200, first.statusCode());
        assertProblem(again, 412);
        assertEquals(204, delete.statusCode());
    }

    // --- bodies ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"title": 123}                      | title
            {"title": ["x"]}                    | title
            {"title": "ok", "description": 5}   | description
            {"title": "ok", "tags": "x"}        | tags
            {"title": "ok", "tags": [1, "a"]}   | tags
            {"title": "ok", "completed": "yes"} | completed
            {"title": "ok", "due_date": 5}      | due_date
            {"title": "ok", "priority": 3}      | priority
            """)
    void aFieldOfTheWrongJsonTypeIsA422NamingIt(String body, String field) {
        assertInvalid(create(body), field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}                                              | title
            {"title": null}                                 | title
            {"title": "   "}                                | title
            {"title": "ok", "priority": "urgent"}           | priority
            {"title": "ok", "due_date": "2026-02-30"}       | due_date
            {"title": "ok", "due_date": "2026-12-01T10:00:00Z"} | due_date
            {"title": "ok", "tags": [""]}                   | tags
            """)
    void aValueThatBreaksATaskRuleIsA422NamingTheField(String body, String field) {
        assertInvalid(create(body), field);
    }

    @Test
    void allBrokenRulesAreReportedAtOnce() {
        assertInvalid(create("{\"title\": 1, \"tags\": 2, \"completed\": \"no\"}"), "title", "tags", "completed");
        assertInvalid(create("{\"title\": \"" + "x".repeat(201) + "\", \"description\": \"" + "y".repeat(1001)
                + "\"}"), "title", "description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"title\"", "42", "null"})
    void aBodyThatIsNotAnObjectIsA422(String body) {
        assertInvalid(create(body), "body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"title\": }", "{'title': 'x'}", "{\"title\": \"a\"} trailing",
            "{\"title\": \"a\", \"title\": \"b\"}"})
    void malformedJsonIs400(String body) {
        assertProblem(create(body), 400);
    }

    @Test
    void aMissingBodyOnCreateIs400() {
        assertProblem(server.json("POST", tasks, token, null), 400);
    }

    @Test
    void aMissingOrBlankBodyOnUpdateIs400AndABlankOneOnCreateToo() {
        long id = createTask("{\"title\": \"x\"}");

        assertProblem(server.json("PUT", tasks + "/" + id, token, null), 400);
        assertProblem(server.json("PUT", tasks + "/" + id, token, " \n "), 400);
        assertProblem(create("   "), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonx", "json"})
    void aBodyThatIsNotDeclaredJsonIs415(String contentType) {
        HttpResponse<String> response = server.send(server.request(tasks, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"x\"}")).build());

        assertProblem(response, 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"})
    void jsonContentTypesAreAccepted(String contentType) {
        HttpResponse<String> response = server.send(server.request(tasks, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"x\"}")).build());

        assertEquals(201, response.statusCode(), response::body);
    }

    @Test
    void aBodyOver64KibIs413() {
        String big = "{\"title\": \"x\", \"description\": \"" + "d".repeat(70_000) + "\"}";

        assertProblem(create(big), 413);
    }

    @Test
    void everyOversizedBodyGetsIts413AndTheConnectionStaysUsable() {
        // Answering before the body is read would close the connection under the client, which can then
        // see a reset instead of the 413; repeated on a keep-alive connection, that race shows.
        String big = "{\"title\": \"x\", \"description\": \"" + "d".repeat(200_000) + "\"}";
        for (int i = 0; i < 30; i++) {
            assertProblem(create(big), 413);
            assertEquals(201, create("{\"title\": \"after " + i + "\"}").statusCode());
        }
    }

    @Test
    void aChunkedBodyOver64KibIs413Too() {
        byte[] big = ("{\"title\": \"x\", \"description\": \"" + "d".repeat(70_000) + "\"}").getBytes();

        HttpResponse<String> response = server.send(server.request(tasks, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());

        assertEquals(413, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("application/problem+json"));
    }

    @Test
    void aBodyJustUnderTheLimitIsReadWhole() {
        String body = "{\"title\": \"x\", \"padding\": \"" + "p".repeat(64 * 1024 - 40) + "\"}";

        assertEquals(201, create(body).statusCode());
    }
}
