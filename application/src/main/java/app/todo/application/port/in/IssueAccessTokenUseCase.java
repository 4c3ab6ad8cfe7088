package app.todo.application.port.in;

import app.todo.domain.account.AccessToken;
import app.todo.domain.user.User;

/** The access token a sign-up, sign-in or refresh answers with, signed with the service's own key. */
public interface IssueAccessTokenUseCase {

    /** An access token of {@code user} in the own session {@code sessionId} (its {@code sid}). */
    AccessToken issueAccessToken(User user, String sessionId);
}
