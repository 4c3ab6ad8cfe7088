package app.todo.adapter.out.token;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.application.port.out.AccessTokenIssuer;
import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.application.port.out.AccessTokensContract;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The token adapter as bootstrap wires it: own Ed25519 keys issue, the composite verifier checks. */
class Ed25519AccessTokensTest extends AccessTokensContract {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final OwnSigningKeys KEYS = OwnSigningKeys.of(TestTokens.newKey(CLOCK));

    @Override
    protected AccessTokenIssuer issuer() {
        return new Ed25519TokenIssuer(KEYS, CLOCK, Duration.ofMinutes(15), Optional.empty(), Optional.empty());
    }

    @Override
    protected AccessTokenVerifier verifier() {
        return TokenVerifiers.builder(CLOCK).sharedSecret(TestTokens.SECRET).ownKeys(KEYS).build();
    }
}
