package app.todo.application.port.in;

/** {@code POST /api/auth/refresh}: a refresh token as the client holds it. Never logged. */
public record RefreshSessionCommand(String refreshToken) {
    @Override
    public String toString() {
        return "RefreshSessionCommand[(hidden)]";
    }
}
