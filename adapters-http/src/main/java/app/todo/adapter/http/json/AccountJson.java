package app.todo.adapter.http.json;

import app.todo.domain.user.User;
import app.todo.domain.user.UserSummary;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The bodies of the account and administration routes. */
public final class AccountJson {

    private AccountJson() {
    }

    /** What sign-up and sign-in answer. Its toString leaves the token out. */
    public record Session(UserJson user, String token, String expiresAt) {
        public static Session of(User user, String token, Instant expiresAt) {
            return new Session(UserJson.from(user), token,
                    DateTimeFormatter.ISO_INSTANT.format(expiresAt.truncatedTo(ChronoUnit.SECONDS)));
        }

        @Override
        public String toString() {
            return "Session[user=" + user.id() + ", expiresAt=" + expiresAt + "]";
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
