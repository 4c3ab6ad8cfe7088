package app.todo.application.port.out;

import app.todo.application.port.out.ExternalSessionDirectory.ExternalSession;
import app.todo.domain.account.SessionCredential;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link ExternalSessionDirectory} must do: the in-memory one, the HTTP adapter against a stub
 * Better Auth, and (in interop/better-auth/sessions.sh) the HTTP adapter against the real Better Auth.
 */
public abstract class ExternalSessionDirectoryContract {

    /** The directory under test, and a way to act as the identity provider behind it. */
    protected interface Provider {
        ExternalSessionDirectory directory();

        /** Opens a session for a user; returns its token as a client holds it (bearer form). */
        String signIn(String userId, String email, String role, boolean banned);

        void signOut(String token);

        /** From now on the provider cannot be asked. */
        void goAway();
    }

    protected abstract Provider provider();

    @Test
    void aLiveSessionNamesItsUserWithRoleAndBanned() {
        Provider provider = provider();
        String token = provider.signIn("ba-user-1", "ada@example.com", "admin", true);

        ExternalSession session = provider.directory().find(SessionCredential.bearer(token)).orElseThrow();

        assertEquals("ba-user-1", session.userId());
        assertEquals("ada@example.com", session.email());
        assertEquals("admin", session.role());
        assertTrue(session.banned());
    }

    @Test
    void anUnknownOrSignedOutSessionIsAbsent() {
        Provider provider = provider();
        String token = provider.signIn("ba-user-2", null, null, false);
        provider.signOut(token);

        assertEquals(Optional.empty(), provider.directory().find(SessionCredential.bearer(token)));
        assertEquals(Optional.empty(), provider.directory().find(SessionCredential.bearer("NoSuchSessionTokenAtAll0123456789")));
    }

    @Test
    void aSessionCookieNamesTheSameUserAsItsBearerToken() {
        Provider provider = provider();
        String token = provider.signIn("ba-user-3", null, "user", false);

        ExternalSession session = provider.directory()
                .find(SessionCredential.cookie("better-auth.session_token", token)).orElseThrow();

        assertEquals("ba-user-3", session.userId());
        assertFalse(session.banned());
    }

    @Test
    void aProviderThatCannotBeAskedIsUnavailableNeverAnAbsentSession() {
        Provider provider = provider();
        String token = provider.signIn("ba-user-4", null, null, false);
        provider.goAway();

        assertThrows(IdentityProviderUnavailableException.class,
                () -> provider.directory().find(SessionCredential.bearer(token)));
    }
}
