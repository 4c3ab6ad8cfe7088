package app.todo.domain.shared;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a use case: a value, or an expected failure that callers must handle.
 * Exceptions stay reserved for bugs and infrastructure.
 */
public sealed interface Result<T, E> {

    record Ok<T, E>(T value) implements Result<T, E> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Err<T, E>(E error) implements Result<T, E> {
        public Err {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T, E> Result<T, E> ok(T value) {
        return new Ok<>(value);
    }

    static <T, E> Result<T, E> err(E error) {
        return new Err<>(error);
    }

    default <U> Result<U, E> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T, E> ok -> new Ok<>(f.apply(ok.value()));
            case Err<T, E> err -> new Err<>(err.error());
        };
    }

    default <U> Result<U, E> flatMap(Function<? super T, Result<U, E>> f) {
        return switch (this) {
            case Ok<T, E> ok -> f.apply(ok.value());
            case Err<T, E> err -> new Err<>(err.error());
        };
    }

    /** The value, or the exception {@code toException} makes of the error (e.g. an HTTP problem at the edge). */
    default <X extends RuntimeException> T orElseThrow(Function<? super E, X> toException) {
        return switch (this) {
            case Ok<T, E> ok -> ok.value();
            case Err<T, E> err -> throw toException.apply(err.error());
        };
    }

    default boolean isOk() {
        return this instanceof Ok;
    }
}
