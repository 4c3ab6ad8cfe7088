package app.todo.domain.task;

import app.todo.domain.shared.InvalidValueException;

/** A window on a list: at most {@value #MAX_LIMIT} items, so no request can ask for everything. */
public record PageRequest(int limit, long offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** Far past any list, and far from overflowing when a page's links add the limit to it. */
    public static final long MAX_OFFSET = 1_000_000_000_000L;
    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, 0);

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidValueException("offset", "must be from 0 to " + MAX_OFFSET);
        }
    }
}
