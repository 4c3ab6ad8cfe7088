package app.todo.adapter.in.http.auth.bench;

import app.todo.adapter.in.http.testing.TestTokens;
import app.todo.adapter.in.http.auth.ClaimsPolicy;
import app.todo.adapter.in.http.auth.Ed25519TokenIssuer;
import app.todo.adapter.in.http.auth.OwnSigningKeys;
import app.todo.adapter.in.http.auth.SharedSecretTokenVerifier;
import app.todo.domain.account.SigningKey;
import app.todo.adapter.in.http.auth.TokenVerifier;
import app.todo.adapter.in.http.auth.TokenVerifiers;
import app.todo.adapter.in.http.auth.VerifiedToken;
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

    private TokenVerifier hs256;
    private TokenVerifier firstSight;
    private TokenVerifier cached;
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
            edTokens[i] = issuer.issue("user-" + i, "u" + i + "@example.com", "User " + i).token();
        }
        edToken = edTokens[0];
        firstSight = TokenVerifiers.builder(clock).ownKeys(keys).cacheSize(1).build();
        cached = TokenVerifiers.builder(clock).ownKeys(keys).build();
        cached.verify(edToken);
    }

    @Benchmark
    public VerifiedToken hs256Verify() {
        return hs256.verify(hs256Token);
    }

    @Benchmark
    public VerifiedToken eddsaFirstSight() {
        next = (next + 1) % DISTINCT_TOKENS;
        return firstSight.verify(edTokens[next]);
    }

    @Benchmark
    public VerifiedToken eddsaCached() {
        return cached.verify(edToken);
    }
}
