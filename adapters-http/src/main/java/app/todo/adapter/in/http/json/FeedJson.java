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
        return new FeedJson(page.entries().stream().map(FeedJson::entry).toList(), cursor, page.hasMore());
    }

    /** One change as the feed shows it: a {@link TaskJson} or a {@link TombstoneJson}. */
    public static Object entry(FeedEntry entry) {
        return switch (entry) {
            case FeedEntry.Changed changed -> TaskJson.from(changed.task());
            case FeedEntry.Deleted deleted -> new TombstoneJson(deleted.id().value(), Json.instant(deleted.deletedAt()));
        };
    }
}
