package app.todo.adapter.http.auth;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.ProviderRequest;
import io.helidon.security.Role;
import io.helidon.security.SecurityResponse;
import io.helidon.security.Subject;
import io.helidon.security.spi.AuthenticationProvider;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The token verifier as a Helidon Security authentication provider, for routes protected through
 * {@code SecurityFeature} rather than by calling {@link TokenVerifier} directly:
 * <pre>{@code
 * Security security = Security.builder()
 *         .addAuthenticationProvider(new BearerAuthenticationProvider(verifier), "todo-bearer").build();
 * routing.addFeature(SecurityFeature.builder().security(security).build())
 *        .any("/api/{user_id}/tasks*", SecurityFeature.authenticate());
 * // in a handler: the verified token rides along as a public credential
 * VerifiedToken token = req.context().get(io.helidon.security.SecurityContext.class).orElseThrow()
 *         .user().flatMap(s -> s.publicCredential(VerifiedToken.class)).orElseThrow();
 * }</pre>
 * Answers follow RFC 6750: a missing token is a 401 with {@code Bearer realm="todo"}, an invalid one adds
 * {@code error="invalid_token"} and the client-safe description. The subject's principal is the user id
 * with the role {@code user}; whether a {@code role} or {@code banned} claim counts is not this
 * provider's call but the application's ({@code IdentifyCallerService}), which knows the token's source.
 */
public final class BearerAuthenticationProvider implements AuthenticationProvider {

    static final String REALM = "Bearer realm=\"todo\"";
    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;

    public BearerAuthenticationProvider(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        Optional<String> token = bearerToken(request.env().headers());
        if (token.isEmpty()) {
            return failure(401, REALM, "No bearer token");
        }
        VerifiedToken verified;
        try {
            verified = verifier.verify(token.get());
        } catch (InvalidTokenException e) {
            String description = e.getMessage().replace('"', '\'').replace('\\', '/');
            return failure(401, REALM + ", error=\"invalid_token\", error_description=\"" + description + "\"", description);
        }
        Subject.Builder subject = Subject.builder()
                .principal(Principal.builder().id(verified.userId()).name(verified.userId()).build())
                .addGrant(Role.create("user"))
                .addPublicCredential(VerifiedToken.class, verified);
        return AuthenticationResponse.success(subject.build());
    }

    private static Optional<String> bearerToken(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Authorization"))
                .flatMap(header -> header.getValue().stream())
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip())
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static AuthenticationResponse failure(int status, String wwwAuthenticate, String description) {
        AuthenticationResponse.Builder response = AuthenticationResponse.builder();
        response.status(SecurityResponse.SecurityStatus.FAILURE).statusCode(status).description(description);
        if (wwwAuthenticate != null) {
            response.responseHeader("WWW-Authenticate", wwwAuthenticate);
        }
        return response.build();
    }
}
