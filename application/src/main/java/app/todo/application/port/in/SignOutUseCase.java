package app.todo.application.port.in;

/** Ends a session: its access and refresh tokens are refused from then on (docs/rules.md §2). */
public interface SignOutUseCase {
    void signOut(SignOutCommand command);
}
