package app.todo.domain.task;

import app.todo.domain.shared.InvalidValueException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A task's tags: distinct after lower-casing, in the order first given, at most ten. */
public record Tags(List<Tag> values) {

    public static final int MAX_COUNT = 10;
    public static final Tags NONE = new Tags(List.of());

    public Tags {
        Set<Tag> distinct = new LinkedHashSet<>(values);
        if (distinct.size() > MAX_COUNT) {
            throw new InvalidValueException("tags", "must hold at most " + MAX_COUNT + " distinct tags");
        }
        values = List.copyOf(distinct);
    }

    public static Tags of(Collection<String> raw) {
        if (raw == null) {
            throw new InvalidValueException("tags", "must be a list of strings");
        }
        return new Tags(raw.stream().map(Tag::new).toList());
    }

    public boolean contains(Tag tag) {
        return values.contains(tag);
    }

    public List<String> asStrings() {
        return values.stream().map(Tag::value).toList();
    }
}
