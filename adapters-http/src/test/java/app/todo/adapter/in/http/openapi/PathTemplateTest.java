package app.todo.adapter.in.http.openapi;

import app.todo.adapter.in.http.testing.PathTemplate;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathTemplateTest {

    @Test
    void aTemplatedSegmentMatchesAnyOneNonEmptySegment() {
        PathTemplate task = PathTemplate.parse("/api/{user_id}/tasks/{id}");
        assertTrue(task.matches("/api/abc/tasks/42"));
        assertFalse(task.matches("/api/abc/tasks"));
        assertFalse(task.matches("/api/abc/tasks/42/complete"));
        assertFalse(task.matches("/api//tasks/42"));
        assertFalse(task.matches("/api/abc/tasks/42/"));
        assertFalse(task.matches("/api/abc/notes/42"));
    }

    @Test
    void literalSegmentsWinOverTemplatedOnes() {
        PathTemplate templated = PathTemplate.parse("/api/{user_id}/tasks");
        PathTemplate literal = PathTemplate.parse("/api/admin/tasks");
        PathTemplate laterLiteral = PathTemplate.parse("/{x}/admin/tasks");
        String path = "/api/admin/tasks";
        assertEquals(literal, Stream.of(templated, literal, laterLiteral)
                .filter(t -> t.matches(path))
                .min(PathTemplate.MOST_SPECIFIC_FIRST)
                .orElseThrow());
        assertEquals(templated, Stream.of(laterLiteral, templated)
                .filter(t -> t.matches(path))
                .min(PathTemplate.MOST_SPECIFIC_FIRST)
                .orElseThrow());
    }
}
