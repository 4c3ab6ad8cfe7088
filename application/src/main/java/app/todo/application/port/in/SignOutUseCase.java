package app.todo.application.port.in;

/** Ends a session: its access and refresh tokens are refused from then on (contract §2). */
public interface SignOutUseCase {
    void signOut(SignOutCommand command);
}
