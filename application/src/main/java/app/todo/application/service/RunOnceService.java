package app.todo.application.service;

import app.todo.application.port.in.RunOnceUseCase;
import app.todo.application.port.out.IdempotencyKeyRepository;
import app.todo.application.port.out.IdempotencyKeyRepository.StoredAnswer;
import app.todo.application.port.out.Transactions;
import app.todo.domain.shared.Result;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

public final class RunOnceService implements RunOnceUseCase {

    private final IdempotencyKeyRepository keys;
    private final Transactions transactions;
    private final Clock clock;

    public RunOnceService(IdempotencyKeyRepository keys, Transactions transactions, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Carries a refusal out of the transaction, so that the claim of the key is rolled back with it. */
    private static final class RolledBack extends RuntimeException {
        private final transient Object error;

        RolledBack(Object error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> Outcome<E> once(Command command, Supplier<Result<Answer, E>> write) {
        Instant now = Times.now(clock);
        try {
            return transactions.inTransaction(() -> {
                Optional<IdempotencyKeyRepository.KeyUse> used = keys.claim(command.owner().id(), command.key(),
                        command.fingerprint(), now, now.minus(KEY_LIFETIME));
                if (used.isPresent()) {
                    if (!used.get().fingerprint().equals(command.fingerprint())) {
                        return new Outcome.KeyReused<>();
                    }
                    StoredAnswer kept = used.get().answer();
                    return kept == null ? new Outcome.InFlight<>() : new Outcome.Answered<>(
                            new Answer(kept.status(), kept.body(), kept.location(), kept.etag()), true);
                }
                return switch (write.get()) {
                    case Result.Ok<Answer, E> ok -> {
                        Answer answer = ok.value();
                        keys.record(command.owner().id(), command.key(),
                                new StoredAnswer(answer.status(), answer.body(), answer.location(), answer.etag()));
                        yield new Outcome.Answered<>(answer, false);
                    }
                    case Result.Err<Answer, E> err -> throw new RolledBack(err.error());
                };
            });
        } catch (RolledBack refused) {
            return new Outcome.Refused<>((E) refused.error);
        }
    }
}
