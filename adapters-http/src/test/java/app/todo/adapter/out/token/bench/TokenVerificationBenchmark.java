package app.todo.adapter.out.token.bench;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.out.token.ClaimsPolicy;
import app.todo.adapter.out.token.Ed25519TokenIssuer;
import app.todo.adapter.out.token.OwnSigningKeys;
import app.todo.adapter.out.token.SharedSecretTokenVerifier;
import app.todo.domain.account.SigningKey;
import app.todo.application.port.out.AccessTokenVerifier;
import app.todo.adapter.out.token.TokenVerifiers;
import app.todo.application.port.out.VerifiedAccessToken;
import app.todo.domain.user.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a request pays for its token: HS256 (shared secret), an EdDSA token seen for the first time
 * (full Ed25519 signature check), and an EdDSA token the verified-token cache already knows.
 * Run with {@code bench/jmh-tokens.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {

    private static final int DISTINCT_TOKENS = 1024; // more than the miss verifier's cache holds: every call misses

    private AccessTokenVerifier hs256;
    private AccessTokenVerifier firstSight;
    private AccessTokenVerifier cached;
    private String hs256Token;
    private String[] edTokens;
    private String edToken;
    private int next;

    @Setup
    public void setUp() throws JOSEException {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T17:35:00Z"), ZoneOffset.UTC);
        String secret = "benchmark-shared-secret-of-32-bytes-or-more";
        hs256 = new SharedSecretTokenVerifier(secret,
                new ClaimsPolicy(clock, ClaimsPolicy.DEFAULT_SKEW, Optional.empty(), Optional.empty()));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("u1")
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(900))).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        hs256Token = jwt.serialize();

        OwnSigningKeys keys = OwnSigningKeys.of(TestTokens.newKey(clock));
        Ed25519TokenIssuer issuer = new Ed25519TokenIssuer(keys, clock, Duration.ofHours(1), Optional.empty(), Optional.empty());
        edTokens = new String[DISTINCT_TOKENS];
        for (int i = 0; i < DISTINCT_TOKENS; i++) {
            edTokens[i] = issuer.issue("user-" + i, "u" + i + "@example.com", "User " + i).compactJws();
        }
        edToken = edTokens[0];
        firstSight = TokenVerifiers.builder(clock).ownKeys(keys).cacheSize(1).build();
        cached = TokenVerifiers.builder(clock).ownKeys(keys).build();
        cached.verify(edToken);
    }

    @Benchmark
    public VerifiedAccessToken hs256Verify() {
        return hs256.verify(hs256Token);
    }

    @Benchmark
    public VerifiedAccessToken eddsaFirstSight() {
        next = (next + 1) % DISTINCT_TOKENS;
        return firstSight.verify(edTokens[next]);
    }

    @Benchmark
    public VerifiedAccessToken eddsaCached() {
        return cached.verify(edToken);
    }
}
