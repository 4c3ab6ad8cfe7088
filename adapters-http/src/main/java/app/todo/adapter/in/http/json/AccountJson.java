package app.todo.adapter.in.http.json;

import app.todo.domain.user.User;
import app.todo.domain.user.UserSummary;

import java.time.Instant;
import java.util.List;

/** The bodies of the account and administration routes. */
public final class AccountJson {

    private AccountJson() {
    }

    /** What sign-up, sign-in and refresh answer. Its toString leaves the tokens out. */
    /**
     * Sign-up, sign-in and refresh. {@code access_token}, {@code token_type}, {@code expires_in} (seconds) and
     * {@code user_id} repeat what is there under the names frontends written for other backends read.
     */
    public record Session(UserJson user, String userId, String token, String accessToken, String tokenType,
                          long expiresIn, String expiresAt, String refreshToken, String refreshExpiresAt) {
        public static Session of(User user, String token, Instant expiresAt, String refreshToken, Instant refreshExpiresAt,
                                 Instant now) {
            UserJson json = UserJson.from(user);
            return new Session(json, json.id(), token, token, "bearer",
                    Math.max(0, java.time.Duration.between(now, expiresAt).toSeconds()), Json.instant(expiresAt),
                    refreshToken, Json.instant(refreshExpiresAt));
        }

        @Override
        public String toString() {
            return "Session[user=" + user.id() + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** One of the caller's sessions ({@code GET /api/auth/sessions}). */
    public record SessionInfo(String id, String createdAt, String lastUsedAt, String expiresAt, String userAgent,
                              boolean current) {
        public static SessionInfo of(app.todo.domain.account.Session session, java.util.Optional<String> current) {
            return new SessionInfo(session.id(), Json.instant(session.createdAt()), Json.instant(session.lastUsedAt()),
                    Json.instant(session.expiresAt()), session.userAgent(), current.map(session.id()::equals).orElse(false));
        }
    }

    /** {@code GET /api/auth/me}. */
    public record Me(UserJson user) {
    }

    /** A user as an admin lists them. */
    public record AdminUser(UserJson user, long taskCount, boolean disabled) {
        public static AdminUser from(UserSummary summary) {
            return new AdminUser(UserJson.from(summary.user()), summary.taskCount(), summary.user().disabled());
        }

        public static List<AdminUser> from(List<UserSummary> summaries) {
            return summaries.stream().map(AdminUser::from).toList();
        }
    }
}
