package app.todo.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskListTest extends ApiTestSupport {

    private void createFive() {
        createTask("{\"title\": \"Alpha milk\", \"priority\": \"low\", \"due_date\": \"2026-01-10\", \"tags\": [\"home\"]}");
        createTask("{\"title\": \"beta\", \"description\": \"More MILK\", \"priority\": \"high\", \"tags\": [\"work\"]}");
        createTask("{\"title\": \"Gamma\", \"priority\": \"medium\", \"due_date\": \"2026-03-01\", \"completed\": true}");
        createTask("{\"title\": \"delta\", \"priority\": \"high\", \"due_date\": \"2026-02-01\", \"tags\": [\"home\", \"work\"]}");
        createTask("{\"title\": \"Epsilon\"}");
    }

    private List<String> titles(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        List<String> titles = new ArrayList<>();
        json(response).forEach(task -> titles.add(task.get("title").asText()));
        return titles;
    }

    @Test
    void aListIsAPlainArrayNewestFirstWithTheTotalCount() {
        createFive();

        HttpResponse<String> list = server.get(tasks, token);

        assertTrue(json(list).isArray());
        assertEquals(List.of("Epsilon", "delta", "Gamma", "beta", "Alpha milk"), titles(list));
        assertEquals("5", header(list, "X-Total-Count"));
        assertTrue(header(list, "Content-Type").startsWith("application/json"));
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        HttpResponse<String> list = server.get(tasks, token);

        assertEquals("[]", list.body());
        assertEquals("0", header(list, "X-Total-Count"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            status=completed                   | Gamma
            status=pending&priority=high       | delta,beta
            priority=low                       | Alpha milk
            priority=all&tag=work              | delta,beta
            tag=HOME                           | delta,Alpha milk
            q=milk                             | beta,Alpha milk
            due_before=2026-02-01              | Alpha milk
            due_after=2026-01-10               | delta,Gamma
            due_after=2026-01-01&due_before=2026-03-01 | delta,Alpha milk
            sort=title                         | Alpha milk,beta,delta,Epsilon,Gamma
            sort=title&order=desc              | Gamma,Epsilon,delta,beta,Alpha milk
            sort=due_date                      | Alpha milk,delta,Gamma,beta,Epsilon
            sort=priority&order=asc&status=pending | Alpha milk,Epsilon,beta,delta
            sort=priority&status=pending       | delta,beta,Epsilon,Alpha milk
            order=asc&limit=2                  | Alpha milk,beta
            limit=2&offset=4                   | Alpha milk
            status=&tag=                       | Epsilon,delta,Gamma,beta,Alpha milk
            status=PENDING&priority=High       | delta,beta
            priority=ALL&tag=work              | delta,beta
            sort=Title&order=DESC              | Gamma,Epsilon,delta,beta,Alpha milk
            sort=created_at&order=asc          | Alpha milk,beta,Gamma,delta,Epsilon
            sort=updated_at&limit=2            | Epsilon,delta
            """)
    void filtersSortAndPagesCombine(String query, String expected) {
        createFive();

        assertEquals(List.of(expected.split(",")), titles(server.get(tasks + "?" + query, token)));
    }

    @Test
    void theTotalCountsTheFilteredSetNotThePage() {
        createFive();

        HttpResponse<String> page = server.get(tasks + "?status=pending&limit=1", token);

        assertEquals(1, json(page).size());
        assertEquals("4", header(page, "X-Total-Count"));
    }

    @Test
    void theLinkHeaderKeepsFiltersAndSortAndNamesNeighbours() {
        createFive();

        HttpResponse<String> page = server.get(tasks + "?q=a%20b&status=pending&sort=title&limit=1&offset=1", token);
        String link = header(page, "Link");

        // "a b" matches nothing; look at a real middle page instead.
        assertEquals("0", header(page, "X-Total-Count"));
        assertTrue(link.contains("q=a%20b"), link);
        HttpResponse<String> middle = server.get(tasks + "?status=pending&sort=title&limit=1&offset=1", token);
        String links = header(middle, "Link");
        String base = "<" + tasks + "?status=pending&sort=title&limit=1&offset=";
        assertTrue(links.contains(base + "0>; rel=\"first\""), links);
        assertTrue(links.contains(base + "0>; rel=\"prev\""), links);
        assertTrue(links.contains(base + "2>; rel=\"next\""), links);
        assertTrue(links.contains(base + "3>; rel=\"last\""), links);
    }

    @Test
    void theFirstPageHasNoPrevAndTheLastNoNext() {
        createFive();

        String first = header(server.get(tasks + "?limit=5", token), "Link");

        assertFalse(first.contains("rel=\"prev\""), first);
        assertFalse(first.contains("rel=\"next\""), first);
        assertTrue(first.contains("rel=\"first\"") && first.contains("rel=\"last\""), first);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            status=done                        | status
            priority=urgent                    | priority
            tag=this-tag-is-far-too-long-to-be-a-tag | tag
            due_before=2026-13-01              | due_before
            due_after=tomorrow                 | due_after
            due_after=2026-01-01T00:00:00Z     | due_after
            sort=colour                        | sort
            sort=all                           | sort
            order=up                           | order
            limit=0                            | limit
            limit=501                          | limit
            limit=ten                          | limit
            limit=99999999999999999999         | limit
            offset=-1                          | offset
            offset=1.5                         | offset
            status=pending&status=completed    | status
            sort=title&order=asc&order=desc    | order
            limit=0&status=done&order=x        | limit,status,order
            """)
    void aBadListParameterIsA422NamingIt(String query, String fields) {
        assertInvalid(server.get(tasks + "?" + query, token), fields.split(","));
    }

    @Test
    void aSearchTextIsAtMost200CodePoints() {
        createFive();

        assertEquals(200, server.get(tasks + "?q=" + "%F0%9F%98%80".repeat(200), token).statusCode());
        assertInvalid(server.get(tasks + "?q=" + "m".repeat(201), token), "q");
    }

    @Test
    void enumeratedValuesAreEchoedLowerCasedInLinks() {
        createFive();

        String links = header(server.get(tasks + "?status=PENDING&sort=Title&limit=1", token), "Link");

        assertTrue(links.contains("status=pending&sort=title&limit=1&offset=1>; rel=\"next\""), links);
    }

    @Test
    void aRepeatedIdenticalParameterIsNotAConflict() {
        createFive();

        assertEquals(List.of("Gamma"), titles(server.get(tasks + "?status=completed&status=completed", token)));
    }

    @Test
    void listedTasksHaveTheFullShape() {
        createTask("{\"title\": \"shape\"}");

        JsonNode task = json(server.get(tasks, token)).get(0);

        assertEquals(12, task.size());
        assertEquals(user, task.get("user_id").asText());
    }
}
