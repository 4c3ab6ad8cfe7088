package app.todo.bootstrap;

import app.todo.domain.user.IdentitySource;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    private static Settings settings(Map<String, String> env) {
        return Settings.from(env::get);
    }

    @Test
    void defaultsNeedNoConfigurationAtAll() {
        Settings s = settings(Map.of());
        assertEquals(8080, s.port());
        assertEquals(Optional.empty(), s.databaseUrl());
        assertEquals(Optional.empty(), s.sharedSecret());
        assertEquals(Optional.empty(), s.jwksUrl());
        assertEquals(Duration.ofSeconds(60), s.clockSkew());
        assertEquals(Duration.ofMinutes(15), s.tokenTtl());
        assertEquals(List.of("http://localhost:3000"), s.corsOrigins());
        assertEquals(Settings.LogFormat.TEXT, s.logFormat());
    }

    @Test
    void keysRotateMonthlyAndStayListedAsLongAsTheirTokensMayLive() {
        Settings defaults = settings(Map.of());
        assertEquals(Duration.ofDays(30), defaults.keyRotation());
        assertEquals(Duration.ofMinutes(16), defaults.keyGrace(), "15 min token lifetime + 60 s skew");
        assertEquals(Optional.empty(), defaults.atRestSecret());

        Settings longer = settings(Map.of("AUTH_TOKEN_TTL", "1h", "AUTH_CLOCK_SKEW", "30s"));
        assertEquals(Duration.ofMinutes(60).plusSeconds(30), longer.keyGrace());

        Settings set = settings(Map.of("AUTH_KEY_ROTATION", "7d", "AUTH_KEY_GRACE", "2h", "AUTH_SECRET", "s".repeat(32)));
        assertEquals(Duration.ofDays(7), set.keyRotation());
        assertEquals(Duration.ofHours(2), set.keyGrace());
        assertEquals(Optional.of("s".repeat(32)), set.atRestSecret());
        assertFalse(set.describe().contains("s".repeat(32)), "the secret never reaches the log");

        InvalidSettingsException bad = assertThrows(InvalidSettingsException.class, () -> settings(Map.of(
                "AUTH_SECRET", "too short", "AUTH_KEY_ROTATION", "0s", "AUTH_KEY_GRACE", "soon")));
        assertTrue(bad.getMessage().contains("AUTH_SECRET"), bad.getMessage());
        assertTrue(bad.getMessage().contains("AUTH_KEY_ROTATION"), bad.getMessage());
        assertTrue(bad.getMessage().contains("AUTH_KEY_GRACE"), bad.getMessage());
    }

    @Test
    void readsEveryVariable() {
        Settings s = settings(Map.of(
                "PORT", "9090",
                "DATABASE_URL", "postgres://u:p@host/db?sslmode=require",
                "BETTER_AUTH_SECRET", "x".repeat(32),
                "AUTH_JWKS_URL", "http://localhost:3000/api/auth/jwks",
                "AUTH_ISSUER", "http://localhost:3000",
                "AUTH_AUDIENCE", "http://localhost:3000",
                "AUTH_CLOCK_SKEW", "30s",
                "AUTH_TOKEN_TTL", "15m",
                "ADMIN_EMAILS", " Boss@Example.com, ops@example.com ,",
                "CORS_ORIGINS", "https://app.example.com,http://localhost:3000"));
        assertEquals(9090, s.port());
        assertEquals(Optional.of("postgres://u:p@host/db?sslmode=require"), s.databaseUrl());
        assertEquals(Optional.of(URI.create("http://localhost:3000/api/auth/jwks")), s.jwksUrl());
        assertEquals(Duration.ofSeconds(30), s.clockSkew());
        assertEquals(Duration.ofMinutes(15), s.tokenTtl());
        assertEquals(Set.of("boss@example.com", "ops@example.com"), s.adminEmails());
        assertEquals(List.of("https://app.example.com", "http://localhost:3000"), s.corsOrigins());
    }

    @Test
    void acceptsIsoDurations() {
        assertEquals(Duration.ofHours(2), settings(Map.of("AUTH_TOKEN_TTL", "PT2H")).tokenTtl());
        assertEquals(Duration.ofSeconds(45), settings(Map.of("AUTH_CLOCK_SKEW", "45")).clockSkew());
    }

    @Test
    void aShortSecretStopsStartUpWithAClearMessageThatDoesNotRepeatTheSecret() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> settings(Map.of("BETTER_AUTH_SECRET", "too-short-secret")));
        assertTrue(e.getMessage().contains("BETTER_AUTH_SECRET must be at least 32 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("too-short-secret"));
    }

    @Test
    void reportsEveryBadValueAtOnce() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> settings(Map.of(
                "PORT", "eighty", "AUTH_JWKS_URL", "file:///etc/passwd", "AUTH_CLOCK_SKEW", "forever",
                "LOG_FORMAT", "xml")));
        assertEquals(4, e.problems().size(), e.getMessage());
    }

    @Test
    void describeNeverShowsTheSecretOrTheDatabasePassword() {
        Settings s = settings(Map.of("BETTER_AUTH_SECRET", "s3cr3t-".repeat(6),
                "DATABASE_URL", "postgres://user:hunter2@db/todo"));
        assertFalse(s.describe().contains("s3cr3t"));
        assertFalse(s.describe().contains("hunter2"));
        assertFalse(s.toString().contains("hunter2"));
    }

    @Test
    void refusesAdminEmailsAndOriginsThatCannotWork() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> settings(Map.of(
                "ADMIN_EMAILS", "boss@example.com,not-an-email",
                "CORS_ORIGINS", "*,https://app.example.com/path",
                "TRUST_PROXY", "maybe")));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("not-an-email"));
    }

    @Test
    void trustsAProxyOnlyWhenTold() {
        assertFalse(settings(Map.of()).trustProxy());
        assertTrue(settings(Map.of("TRUST_PROXY", "true")).trustProxy());
    }

    /** Trust review finding 10: credentials in a configured URL never reach the log. */
    @Test
    void describeShowsTheJwksUrlWithoutCredentialsOrQuery() {
        Settings settings = settings(Map.of("AUTH_JWKS_URL", "https://frontend:hunter2@auth.example:8443/api/auth/jwks?sig=abc"));

        assertTrue(settings.describe().contains("https://auth.example:8443/api/auth/jwks"), settings.describe());
        assertFalse(settings.describe().contains("hunter2") || settings.describe().contains("sig=abc"), settings.describe());
    }

    /** Better Auth's versioned secrets: the first entry is the one it signs session tokens with. */
    @Test
    void betterAuthsVersionedSecretsMakeTheFirstEntryTheSessionSecretAndKeepTheLegacyOneForTokens() {
        String current = "the-new-secret-thirty-two-bytes-or-more";
        String old = "the-old-secret-thirty-two-bytes-or-more";
        Settings both = settings(Map.of("BETTER_AUTH_SECRETS", "2:" + current + ", 1:" + old, "BETTER_AUTH_SECRET", old,
                "BETTER_AUTH_URL", "http://localhost:3000"));
        assertEquals(Optional.of(current), both.sessionSigningSecret());
        assertEquals(Optional.of(old), both.sharedSecret());
        assertFalse(both.sharedSecretTokens(), "the secret is there for sessions");

        Settings alone = settings(Map.of("BETTER_AUTH_SECRETS", "1:" + current));
        assertEquals(Optional.of(current), alone.sessionSigningSecret());
        assertEquals(Optional.of(current), alone.sharedSecret());

        for (String bad : new String[] {"no-version-" + old, "x:" + old, "1:short", ","}) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                    () -> settings(Map.of("BETTER_AUTH_SECRETS", bad)));
            assertTrue(e.getMessage().contains("BETTER_AUTH_SECRETS"), e.getMessage());
            assertFalse(e.getMessage().contains("thirty-two-bytes"), "no secret in the message: " + e.getMessage());
        }
    }

    @Test
    void aListOfIssuersIsRead() {
        Settings s = settings(Map.of("AUTH_ISSUER", "https://a.example, https://b.example"));
        assertEquals(java.util.List.of("https://a.example", "https://b.example"),
                app.todo.adapter.out.token.ClaimsPolicy.listed(s.issuer()));
    }

    /** An invalid URL setting is reported without the password or query it may carry. */
    @Test
    void anInvalidUrlIsReportedWithoutItsCredentialsOrQuery() {
        for (String bad : new String[] {"ftp://frontend:hunter2@auth.example/jwks?sig=abc",
                "http://frontend:hunter2@[bad/jwks?sig=abc", "frontend:hunter2@auth.example"}) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                    () -> settings(Map.of("BETTER_AUTH_URL", bad)));
            assertTrue(e.getMessage().contains("BETTER_AUTH_URL"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("sig=abc"), e.getMessage());
        }
    }

    @Test
    void roleClaimsAreTrustedFromBetterAuthByDefaultAndNeverFromTheOwnKey() {
        assertEquals(Set.of(IdentitySource.JWKS, IdentitySource.BETTER_AUTH_SESSION), settings(Map.of()).claimSources());
        assertEquals(Set.of(IdentitySource.JWKS, IdentitySource.SHARED_SECRET),
                settings(Map.of("AUTH_TRUST_ROLE_CLAIMS", "jwks, shared-secret")).claimSources());
        assertEquals(Set.of(), settings(Map.of("AUTH_TRUST_ROLE_CLAIMS", "none")).claimSources());
        InvalidSettingsException own = assertThrows(InvalidSettingsException.class,
                () -> settings(Map.of("AUTH_TRUST_ROLE_CLAIMS", "own")));
        assertTrue(own.getMessage().contains("AUTH_TRUST_ROLE_CLAIMS"), own.getMessage());
    }
}
