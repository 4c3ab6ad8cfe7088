package app.todo.application.port.out;

/**
 * What a repository contract runs against: the repositories of one store and its transactions.
 * A store may be shared by many tests; the contracts never assume it is empty, only that the
 * owners they create are new.
 */
public record ContractStore(TaskRepository tasks, UserRepository users, Transactions transactions,
                            IdempotencyKeyRepository idempotencyKeys) {
}
