package app.todo.domain.task;

/**
 * One field of a partial update: left as it is, or set to a value (which may be {@code null}
 * for fields that can be cleared). Distinguishes "absent" from "set to null", which a
 * nullable field alone cannot.
 */
public sealed interface Change<T> {

    record Keep<T>() implements Change<T> {
    }

    record SetTo<T>(T value) implements Change<T> {
    }

    @SuppressWarnings("unchecked")
    static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    static <T> Change<T> to(T value) {
        return new SetTo<>(value);
    }

    default T applyTo(T current) {
        return this instanceof SetTo<T> set ? set.value() : current;
    }

    default boolean isPresent() {
        return this instanceof SetTo;
    }

    Keep<?> KEEP = new Keep<>();
}
