package app.todo.application.service;

import app.todo.domain.user.Email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-time tokens that let the owners of {@code ADMIN_EMAILS} addresses become admins (docs/rules.md §2):
 * without email sending, the proof of owning a listed address is having read the service's start-up
 * log, where each address's token is printed once. A token is 256 random bits, kept only as a SHA-256
 * hash, compared in constant time, and spent by its first successful use. Tokens live in this
 * instance's memory: with several instances, use the token printed by the instance the request reaches
 * (or claim before scaling out); a restart prints new ones. Once an address has claimed on any instance,
 * {@link ClaimAdminService} refuses every other token of that address.
 */
public final class AdminBootstrap {

    private static final int TOKEN_BYTES = 32;

    private final Map<Email, byte[]> unspent = new ConcurrentHashMap<>();
    private final Map<Email, String> announcements;

    private AdminBootstrap(Map<Email, String> tokens) {
        tokens.forEach((email, token) -> unspent.put(email, sha256(token)));
        this.announcements = Map.copyOf(tokens);
    }

    /** One fresh token per listed address. */
    public static AdminBootstrap forEmails(Set<Email> adminEmails) {
        SecureRandom random = new SecureRandom();
        Map<Email, String> tokens = new LinkedHashMap<>();
        for (Email email : adminEmails) {
            byte[] bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes);
            tokens.put(email, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return new AdminBootstrap(tokens);
    }

    /** Nobody can claim the admin role (no {@code ADMIN_EMAILS}). */
    public static AdminBootstrap none() {
        return new AdminBootstrap(Map.of());
    }

    /** The tokens to print once at start-up, by address; the only place they appear in plain text. */
    public Map<Email, String> tokensToAnnounce() {
        return announcements;
    }

    /** Spends {@code email}'s token when {@code token} is it; false for any other address or token. */
    boolean redeem(Email email, String token) {
        Objects.requireNonNull(email, "email");
        byte[] expected = unspent.get(email);
        if (expected == null || token == null) {
            return false;
        }
        // Constant time, and remove(key, value) spends it exactly once under concurrent claims.
        return MessageDigest.isEqual(expected, sha256(token)) && unspent.remove(email, expected);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
