package app.todo.application.service;

import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.application.port.in.IssueAccessTokenUseCase;
import app.todo.application.port.in.PublishSigningKeysUseCase;
import app.todo.application.port.in.VerifyAccessTokenUseCase;
import app.todo.application.port.out.AccessTokenIssuer;
import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.InvalidAccessTokenException;
import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.domain.account.AccessToken;
import app.todo.domain.shared.Result;
import app.todo.domain.user.Email;
import app.todo.domain.user.User;
import app.todo.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * Access tokens in and out, through the token adapter's two ports: a bearer token becomes the identity
 * {@link app.todo.application.port.in.IdentifyCallerUseCase} decides on; a signed-in user gets a token of
 * the service's own key, which never claims a role (docs/rules.md §2).
 */
public final class AccessTokenService
        implements VerifyAccessTokenUseCase, IssueAccessTokenUseCase, PublishSigningKeysUseCase {

    private final AccessTokenVerifier verifier;
    private final AccessTokenIssuer issuer;

    public AccessTokenService(AccessTokenVerifier verifier, AccessTokenIssuer issuer) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public Result<IdentifyCallerCommand, TokenRefused> verifyAccessToken(String compactJws) {
        VerifiedAccessToken verified;
        try {
            verified = verifier.verify(compactJws);
        } catch (InvalidAccessTokenException e) {
            return Result.err(new TokenRefused(e.getMessage()));
        }
        UserId userId;
        try {
            userId = new UserId(verified.userId());
        } catch (IllegalArgumentException e) {
            return Result.err(new TokenRefused("The token's user id is not acceptable"));
        }
        return Result.ok(new IdentifyCallerCommand(userId, verified.email(), verified.name(), verified.source(),
                verified.admin(), verified.banned(), Optional.ofNullable(verified.sessionId())));
    }

    @Override
    public AccessToken issueAccessToken(User user, String sessionId) {
        return issuer.issue(user.id().value(), user.emailAddress().map(Email::value).orElse(null), user.name(),
                sessionId);
    }

    @Override
    public String publicSigningKeys() {
        return issuer.publicKeySetJson();
    }
}
