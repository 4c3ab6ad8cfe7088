package app.todo.bootstrap;

import app.todo.adapter.in.http.CorsFilter;
import app.todo.adapter.in.http.HttpConfig;
import app.todo.adapter.out.token.ClaimsPolicy;
import app.todo.adapter.out.token.Ed25519TokenIssuer;
import app.todo.adapter.out.token.RemoteJwks;
import app.todo.adapter.out.token.SharedSecretTokenVerifier;
import app.todo.application.service.ResolveSessionService;
import app.todo.application.service.SigningKeyRing;
import app.todo.application.service.StartSessionService;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.user.Email;
import app.todo.domain.user.IdentitySource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting of the service, typed and checked once at start-up. Values come from environment
 * variables (or an optional application.yaml with the same keys); a bad value stops start-up with a
 * message naming the variable, never later with a surprise.
 */
public record Settings(
        String host,
        int port,
        Optional<String> databaseUrl,
        Path dataDirectory,
        int databasePoolSize,
        int maxConcurrentRequests,
        Optional<String> sharedSecret,
        boolean sharedSecretTokens,
        Optional<String> sessionSigningSecret,
        Optional<URI> jwksUrl,
        Optional<URI> betterAuthUrl,
        String betterAuthBasePath,
        Duration sessionCache,
        Optional<String> issuer,
        Optional<String> audience,
        Duration clockSkew,
        Duration tokenTtl,
        Duration sessionTtl,
        Duration sharedSecretMaxLifetime,
        Optional<String> atRestSecret,
        List<String> previousAtRestSecrets,
        Duration keyRotation,
        Duration keyGrace,
        Set<IdentitySource> claimSources,
        Set<String> adminEmails,
        List<String> corsOrigins,
        boolean trustProxy,
        Duration shutdownDrain,
        LogFormat logFormat) {

    /** Secrets' minimum length: the rule lives with the shared-secret verifier, which needs it most. */
    public static final int MIN_SECRET_BYTES = SharedSecretTokenVerifier.MIN_SECRET_BYTES;

    public enum LogFormat { TEXT, JSON }

    /** Builds settings from a lookup such as {@code System::getenv}; blank values count as absent. */
    public static Settings from(Function<String, String> lookup) {
        Reader r = new Reader(lookup);
        Duration clockSkew = r.duration("AUTH_CLOCK_SKEW", ClaimsPolicy.DEFAULT_SKEW, Duration.ZERO, Duration.ofMinutes(10));
        Duration tokenTtl = r.duration("AUTH_TOKEN_TTL", Ed25519TokenIssuer.DEFAULT_TTL, Ed25519TokenIssuer.MIN_TTL, Duration.ofDays(30));
        int poolSize = r.integer("DB_POOL_SIZE", 16, 1, 200);
        Optional<String> legacySecret = r.secret("BETTER_AUTH_SECRET");
        // Better Auth's versioned secrets: "2:new,1:old", the first entry current. Better Auth signs and checks
        // session tokens with the current one only; BETTER_AUTH_SECRET beside it is its legacy secret.
        Optional<String> currentSecret = r.versionedSecrets("BETTER_AUTH_SECRETS");
        Optional<String> betterAuthSecret = legacySecret.or(() -> currentSecret);
        Optional<URI> betterAuthUrl = r.url("BETTER_AUTH_URL");
        // HS256/384/512 tokens are their own source: on by default only where the secret is there for them (the
        // FastAPI set-up), not where it is there to check Better Auth's session cookies.
        boolean sharedSecretTokens = r.bool("AUTH_SHARED_SECRET_TOKENS", betterAuthSecret.isPresent() && betterAuthUrl.isEmpty());
        if (sharedSecretTokens && betterAuthSecret.isEmpty()) {
            r.problems.add("AUTH_SHARED_SECRET_TOKENS=true needs BETTER_AUTH_SECRET, the secret the tokens are signed with");
        }
        Settings settings = new Settings(
                r.string("HOST").orElse(HttpConfig.DEFAULT_HOST),
                r.integer("PORT", HttpConfig.DEFAULT_PORT, 0, 65535),
                r.string("DATABASE_URL"),
                Path.of(r.string("DATA_DIR").orElse("data")),
                poolSize,
                // Twice the database connections: enough to keep them all busy while others parse and answer.
                r.integer("MAX_CONCURRENT_REQUESTS", 2 * poolSize, 1, 10_000),
                betterAuthSecret,
                sharedSecretTokens,
                currentSecret.or(() -> legacySecret),
                r.url("AUTH_JWKS_URL"),
                betterAuthUrl,
                r.basePath("BETTER_AUTH_BASE_PATH", "/api/auth"),
                r.duration("AUTH_SESSION_CACHE", ResolveSessionService.DEFAULT_TTL, Duration.ZERO, Duration.ofMinutes(5)),
                r.string("AUTH_ISSUER"),
                r.string("AUTH_AUDIENCE"),
                clockSkew,
                tokenTtl,
                r.duration("AUTH_SESSION_TTL", StartSessionService.DEFAULT_SESSION_TTL, Duration.ofMinutes(5), Duration.ofDays(365)),
                r.duration("AUTH_SHARED_SECRET_MAX_TTL", SharedSecretTokenVerifier.DEFAULT_MAX_LIFETIME, Duration.ofMinutes(1), Duration.ofDays(30)),
                r.secret("AUTH_SECRET"),
                r.secrets("AUTH_SECRET_PREVIOUS"),
                r.duration("AUTH_KEY_ROTATION", SigningKeyRing.DEFAULT_ROTATION, Duration.ofMinutes(1), Duration.ofDays(365)),
                // The default keeps a retired key listed as long as any token it signed can still be valid.
                r.duration("AUTH_KEY_GRACE", tokenTtl.plus(clockSkew), Duration.ZERO, Duration.ofDays(365)),
                r.claimSources("AUTH_TRUST_ROLE_CLAIMS"),
                r.emails("ADMIN_EMAILS"),
                r.origins("CORS_ORIGINS"),
                r.bool("TRUST_PROXY", false),
                // Longer than a load balancer takes to notice an instance is not ready (haproxy at inter 1s fall 2: 2-3 s).
                r.duration("SHUTDOWN_DRAIN", Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(5)),
                r.logFormat());
        if (!r.problems.isEmpty()) {
            throw new InvalidSettingsException(r.problems);
        }
        return settings;
    }

    /** A description for the start-up log: which sources are on, never a secret or a password. */
    public String describe() {
        return "port=" + port
                + ", database=" + (databaseUrl.isPresent() ? "DATABASE_URL" : "embedded H2 in " + dataDirectory.toAbsolutePath())
                + ", shared-secret tokens=" + (sharedSecretTokens ? "on" : "off")
                + ", JWKS tokens=" + jwksUrl.map(RemoteJwks::loggable).orElse("off")
                + ", Better Auth sessions=" + betterAuthUrl.map(url -> RemoteJwks.loggable(url) + betterAuthBasePath
                        + " (cached " + sessionCache.toSeconds() + " s)").orElse("off")
                + ", role/banned claims trusted from=" + (claimSources.isEmpty() ? "none"
                        : claimSources.stream().map(IdentitySource::key).sorted().toList())
                + ", signing key rotation=" + keyRotation + " (grace " + keyGrace + ", private keys "
                        + (atRestSecret.isPresent() ? "encrypted with AUTH_SECRET" : "not encrypted") + ")"
                + ", issuer=" + issuer.orElse("-") + ", audience=" + audience.orElse("-")
                + ", cors=" + corsOrigins + ", trust proxy=" + trustProxy
                + ", shutdown drain=" + shutdownDrain.toMillis() + " ms, requests at once=" + maxConcurrentRequests;
    }

    @Override
    public String toString() {
        return "Settings[" + describe() + "]";
    }

    private static final class Reader {
        private static final Pattern ORIGIN = Pattern.compile("^https?://[^/\\s*]+$");
        private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

        private final Function<String, String> lookup;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, String> lookup) {
            this.lookup = lookup;
        }

        Optional<String> string(String key) {
            return Optional.ofNullable(lookup.apply(key)).map(String::strip).filter(s -> !s.isEmpty());
        }

        int integer(String key, int fallback, int min, int max) {
            Optional<String> raw = string(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.get());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(key + " must be a whole number from " + min + " to " + max + " (got '" + raw.get() + "')");
            return fallback;
        }

        Optional<String> secret(String key) {
            Optional<String> raw = Optional.ofNullable(lookup.apply(key)).filter(s -> !s.isEmpty());
            raw.ifPresent(secret -> {
                int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
                if (bytes < MIN_SECRET_BYTES) {
                    problems.add(key + " must be at least " + MIN_SECRET_BYTES + " bytes long (it is " + bytes
                            + "); generate one with: openssl rand -base64 32");
                }
            });
            return raw;
        }

        /**
         * Better Auth's {@code BETTER_AUTH_SECRETS}: {@code <version>:<secret>} entries, comma-separated, the first
         * current (as Better Auth parses it); returns the current secret, which must be 32 bytes or more.
         */
        Optional<String> versionedSecrets(String key) {
            Optional<String> raw = string(key);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            String current = null;
            for (String entry : raw.get().split(",")) {
                int colon = entry.indexOf(':');
                String version = colon < 0 ? "" : entry.substring(0, colon).strip();
                String value = colon < 0 ? "" : entry.substring(colon + 1).strip();
                if (!version.matches("[0-9]{1,9}") || value.isEmpty()) {
                    problems.add(key + " must be <version>:<secret> entries separated by commas, as Better Auth reads it");
                    return Optional.empty();
                }
                current = current == null ? value : current;
            }
            if (current == null) {
                problems.add(key + " must be <version>:<secret> entries separated by commas, as Better Auth reads it");
                return Optional.empty();
            }
            if (current.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                problems.add(key + ": the current (first) secret must be at least " + MIN_SECRET_BYTES + " bytes long");
            }
            return Optional.of(current);
        }

        /** Comma-separated secrets, each checked like {@link #secret}; base64 and hex secrets hold no comma. */
        List<String> secrets(String key) {
            Optional<String> raw = string(key);
            if (raw.isEmpty()) {
                return List.of();
            }
            List<String> secrets = new java.util.ArrayList<>();
            for (String secret : raw.get().split(",")) {
                String value = secret.strip();
                if (!value.isEmpty() && value.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                    problems.add(key + ": each secret must be at least " + MIN_SECRET_BYTES + " bytes long");
                } else if (!value.isEmpty()) {
                    secrets.add(value);
                }
            }
            return List.copyOf(secrets);
        }

        Optional<URI> url(String key) {
            return string(key).flatMap(raw -> {
                try {
                    URI uri = URI.create(raw);
                    if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                        return Optional.of(uri);
                    }
                } catch (IllegalArgumentException e) {
                    // reported below
                }
                problems.add(key + " must be an http(s) URL such as http://localhost:3000/api/auth/jwks (got '"
                        + redactedUrl(raw) + "')");
                return Optional.empty();
            });
        }

        /**
         * A URL that did not parse, as an error message may show it: the {@code user:password@} part and
         * everything from the query on replaced, since credentials and signed parameters live there.
         */
        static String redactedUrl(String raw) {
            String cut = raw.replaceAll("[?#].*$", "?…");
            return cut.replaceAll("^([^/]*//)?[^/@]*@", "$1…@");
        }

        /** A URL path such as {@code /api/auth}: starts with '/', no query. */
        String basePath(String key, String fallback) {
            String raw = string(key).orElse(fallback);
            if (!raw.startsWith("/") || raw.contains("?") || raw.contains("#") || raw.contains(" ")) {
                problems.add(key + " must be a URL path such as /api/auth (got '" + raw + "')");
                return fallback;
            }
            return raw.length() > 1 && raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        }

        Duration duration(String key, Duration fallback, Duration min, Duration max) {
            Optional<String> raw = string(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            Duration value = parseDuration(raw.get().toLowerCase(Locale.ROOT));
            if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problems.add(key + " must be a duration such as 60s, 15m, 1h or PT1H, from " + min.toSeconds()
                        + "s to " + max.toSeconds() + "s (got '" + raw.get() + "')");
                return fallback;
            }
            return value;
        }

        private static Duration parseDuration(String raw) {
            Matcher m = SIMPLE_DURATION.matcher(raw);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofSeconds(n);
                };
            }
            try {
                return Duration.parse(raw.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        Set<String> emails(String key) {
            Set<String> emails = new LinkedHashSet<>();
            for (String raw : list(key)) {
                try {
                    emails.add(new Email(raw).value());
                } catch (InvalidValueException e) {
                    problems.add(key + " must be comma-separated email addresses ('" + raw + "' is not one)");
                }
            }
            return emails;
        }

        /** {@code jwks,shared-secret}, or {@code none}; the service's own key is never trusted for claims. */
        Set<IdentitySource> claimSources(String key) {
            List<String> names = list(key);
            if (names.isEmpty()) {
                return Set.of(IdentitySource.JWKS, IdentitySource.BETTER_AUTH_SESSION);
            }
            if (names.size() == 1 && names.getFirst().equalsIgnoreCase("none")) {
                return Set.of();
            }
            Set<IdentitySource> sources = EnumSet.noneOf(IdentitySource.class);
            for (String name : names) {
                try {
                    IdentitySource source = IdentitySource.fromKey(key, name);
                    if (!source.mayAssertClaims()) {
                        problems.add(key + " cannot name 'own': the service's own tokens carry no role, it is looked up");
                    } else {
                        sources.add(source);
                    }
                } catch (InvalidValueException e) {
                    problems.add(key + " must be a comma-separated list of jwks, better-auth-session and shared-secret, or none (got '"
                            + name + "')");
                }
            }
            return Set.copyOf(sources);
        }

        List<String> origins(String key) {
            List<String> origins = list(key);
            if (origins.isEmpty()) {
                return List.of(CorsFilter.DEFAULT_ORIGIN);
            }
            for (String origin : origins) {
                if (!ORIGIN.matcher(origin).matches()) {
                    problems.add(key + " must be comma-separated origins such as https://app.example.com"
                            + " (scheme, host and optional port; no path, no '*'): '" + origin + "' is not one");
                }
            }
            return origins;
        }

        boolean bool(String key, boolean fallback) {
            Optional<String> raw = string(key).map(s -> s.toLowerCase(Locale.ROOT));
            if (raw.isEmpty()) {
                return fallback;
            }
            return switch (raw.get()) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> {
                    problems.add(key + " must be true or false (got '" + raw.get() + "')");
                    yield fallback;
                }
            };
        }

        List<String> list(String key) {
            return string(key).map(raw -> Arrays.stream(raw.split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        }

        LogFormat logFormat() {
            String raw = string("LOG_FORMAT").orElse("text").toUpperCase(Locale.ROOT);
            try {
                return LogFormat.valueOf(raw);
            } catch (IllegalArgumentException e) {
                problems.add("LOG_FORMAT must be text or json (got '" + raw.toLowerCase(Locale.ROOT) + "')");
                return LogFormat.TEXT;
            }
        }
    }
}
