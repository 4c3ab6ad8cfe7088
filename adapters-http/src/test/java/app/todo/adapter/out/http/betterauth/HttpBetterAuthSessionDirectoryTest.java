package app.todo.adapter.out.http.betterauth;

import app.todo.application.port.out.ExternalSessionDirectory;
import app.todo.application.port.out.ExternalSessionDirectoryContract;
import org.junit.jupiter.api.AfterEach;

/** The port's contract for the HTTP adapter, against Better Auth's get-session as a stub answers it. */
class HttpBetterAuthSessionDirectoryTest extends ExternalSessionDirectoryContract {

    private StubBetterAuth stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Override
    protected Provider provider() {
        stub = new StubBetterAuth("better-auth-secret-of-at-least-32-bytes!");
        HttpBetterAuthSessionDirectory directory = new HttpBetterAuthSessionDirectory(stub.url(), null, null);
        StubBetterAuth server = stub;
        return new Provider() {
            @Override
            public ExternalSessionDirectory directory() {
                return directory;
            }

            @Override
            public String signIn(String userId, String email, String role, boolean banned) {
                return server.signIn(userId, email, role, banned);
            }

            @Override
            public void signOut(String token) {
                server.signOut(token);
            }

            @Override
            public void goAway() {
                server.close();
            }
        };
    }
}
