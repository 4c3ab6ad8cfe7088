package app.todo.application.service;

import app.todo.domain.shared.Result;

import static org.junit.jupiter.api.Assertions.fail;

/** Unwraps use case results in tests, failing with the other side when it is not the expected one. */
final class Outcomes {

    private Outcomes() {
    }

    static <T, E> T value(Result<T, E> result) {
        return switch (result) {
            case Result.Ok<T, E> ok -> ok.value();
            case Result.Err<T, E> err -> fail("expected a value, got " + err.error());
        };
    }

    static <T, E> E error(Result<T, E> result) {
        return switch (result) {
            case Result.Ok<T, E> ok -> fail("expected an error, got " + ok.value());
            case Result.Err<T, E> err -> err.error();
        };
    }
}
