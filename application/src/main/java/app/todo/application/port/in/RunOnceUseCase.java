package app.todo.application.port.in;

import app.todo.domain.shared.Result;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A write sent with an {@code Idempotency-Key} (IETF httpapi draft; docs/api.md, "Retries"): the first request
 * with a key runs the write and keeps its answer for 24 hours; a retry with the same key and the same request gets
 * that answer again and changes nothing; the same key with another request is refused. Keys belong to one user.
 */
public interface RunOnceUseCase {

    /** A write's answer as the edge gives it: what a retry with the same key gets again. */
    record Answer(int status, String body, String location, String etag) {
        public Answer {
            Objects.requireNonNull(body, "body");
        }
    }

    /** The longest a kept answer is replayed. */
    java.time.Duration KEY_LIFETIME = java.time.Duration.ofHours(24);

    /**
     * @param key         the client's key, 1–255 visible ASCII characters
     * @param fingerprint what identifies the request (method, path and body, hashed): the same key with another
     *                    fingerprint is {@link Outcome.KeyReused}
     */
    record Command(TaskOwner owner, String key, String fingerprint) {
        public Command {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(fingerprint, "fingerprint");
            if (key == null || key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("an idempotency key is 1 to 255 visible ASCII characters");
            }
        }
    }

    /** How a request with a key ended. */
    sealed interface Outcome<E> {
        /** The write ran now ({@code replayed} false) or ran before ({@code replayed} true): this is its answer. */
        record Answered<E>(Answer answer, boolean replayed) implements Outcome<E> {
        }

        /** The write refused the request; nothing was kept, so a corrected retry may use the key. */
        record Refused<E>(E error) implements Outcome<E> {
        }

        /** A write with the same key is still running (HTTP {@code 409}); a retry after it ends gets its answer. */
        record InFlight<E>() implements Outcome<E> {
        }

        /** The key was used for another request (another body, another route). */
        record KeyReused<E>() implements Outcome<E> {
        }
    }

    /** Runs {@code write} (which answers for the edge, or fails with an E) once per key, in one transaction. */
    <E> Outcome<E> once(Command command, Supplier<Result<Answer, E>> write);
}
