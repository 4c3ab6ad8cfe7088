package app.todo.domain.task;

import java.util.List;

/**
 * One page of a changes feed, oldest first.
 *
 * @param entries  the changes after the position asked for, at most the page size
 * @param position where the next page starts: the last entry's position, or the position asked for when empty
 * @param hasMore  whether changes after {@code position} exist already
 */
public record FeedPage(List<FeedEntry> entries, long position, boolean hasMore) {

    public FeedPage {
        entries = List.copyOf(entries);
        if (position < 0) {
            throw new IllegalArgumentException("a feed position is never negative");
        }
    }
}
