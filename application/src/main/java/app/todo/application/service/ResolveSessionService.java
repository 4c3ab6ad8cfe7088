package app.todo.application.service;

import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.application.port.in.ResolveSessionUseCase;
import app.todo.application.port.out.ExternalSessionDirectory;
import app.todo.application.port.out.ExternalSessionDirectory.ExternalSession;
import app.todo.domain.account.SessionCredential;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Result;
import app.todo.domain.user.IdentitySource;
import app.todo.domain.user.UserId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Better Auth session tokens, verified by asking Better Auth (docs/rules.md §1): the bearer plugin's token,
 * raw ({@code <32 chars>}) or signed ({@code <token>.<base64 HMAC-SHA256>}, URL-encoded or not), or the
 * session cookie's value.
 *
 * <ul>
 *   <li>With {@code BETTER_AUTH_SECRET}, a signed token's HMAC is checked here first: a forged one is
 *       refused without a call (Better Auth signs with the same secret).</li>
 *   <li>Answers are cached per token and credential kind (bearer, or the cookie's name) for at most {@code ttl} ({@code AUTH_SESSION_CACHE}, 30 s by default,
 *       the contract's window for a disabled user) and never past the session's own expiry; refusals for
 *       {@link #NEGATIVE_TTL} at most, so a busy frontend costs Better Auth about one call per token per
 *       window, and a signed-out session is refused within it.</li>
 *   <li>Lookups past the cache are limited per client address ({@link AttemptLimits#sessionLookup}), so a
 *       stream of made-up tokens from one client is refused before any call and degrades that client only.</li>
 *   <li>Better Auth unreachable: {@code IdentityProviderUnavailableException} (a 503), for these
 *       requests only.</li>
 * </ul>
 * Tokens are kept only as SHA-256 cache keys, never in plain text.
 */
public final class ResolveSessionService implements ResolveSessionUseCase {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    public static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Better Auth's session tokens are 32 characters; generous bounds refuse garbage without a call. */
    private static final int MAX_TOKEN_LENGTH = 512;

    private final ExternalSessionDirectory directory;
    private final Optional<byte[]> secret;
    private final Clock clock;
    private final Duration ttl;
    private final AttemptLimits limits;
    /** Better Auth's answers (a session, or empty for a refusal) by bare token. */
    private final ExpiringMemory<ByteBuffer, Optional<ExternalSession>> cache;

    /**
     * @param secret {@code BETTER_AUTH_SECRET}, when the service shares it with Better Auth
     * @param ttl    how long an answer of Better Auth is reused ({@code AUTH_SESSION_CACHE})
     */
    public ResolveSessionService(ExternalSessionDirectory directory, Optional<String> secret, Clock clock, Duration ttl,
                                 int maxEntries) {
        this(directory, secret, clock, ttl, maxEntries, null);
    }

    /**
     * @param limits counts the lookups each client address makes past the cache ({@link AttemptLimits#sessionLookup});
     *               {@code null} for no limit
     */
    public ResolveSessionService(ExternalSessionDirectory directory, Optional<String> secret, Clock clock, Duration ttl,
                                 int maxEntries, AttemptLimits limits) {
        this.limits = limits;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.secret = secret.filter(s -> !s.isEmpty()).map(s -> s.getBytes(StandardCharsets.UTF_8));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("the session cache needs a non-negative lifetime and room for an entry");
        }
        this.cache = new ExpiringMemory<>(maxEntries);
    }

    @Override
    public Result<ResolvedSession, SessionRefused> resolve(SessionCredential credential) {
        String token = decoded(credential.token());
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return Result.err(new SessionRefused("The session token is malformed", false));
        }
        int dot = token.lastIndexOf('.');
        if (dot >= 0 && secret.isPresent() && !signatureMatches(token.substring(0, dot), token.substring(dot + 1))) {
            return Result.err(new SessionRefused("The session token's signature is invalid", false));
        }
        // Raw and signed bearer forms of one session share an entry, but each credential kind has its own:
        // Better Auth may refuse a session as a bearer token (no bearer() plugin) and accept it as a cookie.
        ByteBuffer key = key(credential.cookieName().orElse("") + '\n' + (dot >= 0 ? token.substring(0, dot) : token));
        Instant now = clock.instant();
        Optional<Optional<ExternalSession>> cached = cache.get(key, now);
        if (cached.isPresent()) {
            return answer(cached.get(), true);
        }
        if (limits != null) {
            Optional<Duration> wait = limits.sessionLookup(credential.clientAddress().orElse("unknown"));
            if (wait.isPresent()) {
                return Result.err(new SessionRefused("This client has presented too many unknown session tokens; "
                        + "wait before trying again", false, wait));
            }
        }
        Optional<ExternalSession> session = directory.find(credential);
        remember(key, session, now);
        return answer(session, false);
    }

    private Result<ResolvedSession, SessionRefused> answer(Optional<ExternalSession> session, boolean cached) {
        if (session.isEmpty()) {
            return Result.err(new SessionRefused("The session is not valid (signed out, expired or unknown)", cached));
        }
        ExternalSession s = session.get();
        try {
            return Result.ok(new ResolvedSession(new IdentifyCallerCommand(new UserId(s.userId()), s.email(), s.name(),
                    IdentitySource.BETTER_AUTH_SESSION, "admin".equals(s.role()), s.banned()), cached));
        } catch (InvalidValueException e) {
            return Result.err(new SessionRefused("The session's user id is not acceptable", cached));
        }
    }

    private void remember(ByteBuffer key, Optional<ExternalSession> session, Instant now) {
        Instant until = now.plus(session.isPresent() ? ttl : (ttl.compareTo(NEGATIVE_TTL) < 0 ? ttl : NEGATIVE_TTL));
        if (session.isPresent() && session.get().expiresAt() != null && session.get().expiresAt().isBefore(until)) {
            until = session.get().expiresAt();
        }
        cache.put(key, session, until, now);
    }

    /** Better Auth signs the token with HMAC-SHA256 under its secret, in standard padded base64. */
    private boolean signatureMatches(String value, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.orElseThrow(), "HmacSHA256"));
            byte[] expected = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] given = Base64.getDecoder().decode(signature);
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException notBase64) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** A cookie's value, or a bearer token copied from one, may be URL-encoded ({@code %2B}, {@code %3D}). */
    private static String decoded(String token) {
        String trimmed = token.strip();
        if (!trimmed.contains("%")) {
            return trimmed;
        }
        try {
            // Not form encoding: '+' is a base64 character here, never a space.
            return URLDecoder.decode(trimmed.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private static ByteBuffer key(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
