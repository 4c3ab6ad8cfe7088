package app.todo.application.port.in;

/**
 * Every expected refusal of a use case, by family. The HTTP edge turns each into its problem response in one place,
 * exhaustively, so a new refusal cannot go unanswered.
 */
public sealed interface UseCaseError permits TaskError, CallerError, AccountError, AdminError {
}
