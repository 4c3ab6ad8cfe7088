package app.todo.adapter.in.http.json;

import app.todo.domain.task.FeedEntry;
import app.todo.domain.task.FeedPage;

import java.util.List;

/**
 * A page of the changes feed as clients read it: {@code {"changes": [...], "next_cursor": "…", "has_more": b}},
 * each change a task as the list shows it or a tombstone {@code {"id": 7, "deleted_at": "…"}}, oldest first.
 */
public record FeedJson(List<Object> changes, String nextCursor, boolean hasMore) {

    /** A deleted task in the feed. */
    public record TombstoneJson(long id, String deletedAt) {
    }

    /** @param cursor the opaque form of the page's position, as the client sends it back */
    public static FeedJson from(FeedPage page, String cursor) {
        List<Object> changes = page.entries().stream().<Object>map(entry -> switch (entry) {
            case FeedEntry.Changed changed -> TaskJson.from(changed.task());
            case FeedEntry.Deleted deleted -> new TombstoneJson(deleted.id().value(), Json.instant(deleted.deletedAt()));
        }).toList();
        return new FeedJson(changes, cursor, page.hasMore());
    }
}
