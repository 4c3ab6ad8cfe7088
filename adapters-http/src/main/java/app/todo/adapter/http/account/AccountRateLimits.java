package app.todo.adapter.http.account;

import java.time.Clock;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The contract's limits on password guessing and account creation (§2): sign-in at most 5 attempts a
 * minute per client address and email and 20 per address; sign-up at most 5 a minute per address. On
 * top of the contract, at most {@value #SIGN_IN_PER_EMAIL} sign-in attempts a minute per email from all
 * addresses together, so that guessing one account's password from many addresses (an IPv6 range, a
 * botnet) is as slow as from one. Counted in this instance's memory (see {@link AttemptLimiter}).
 */
public record AccountRateLimits(AttemptLimiter signInPerAddress, AttemptLimiter signInPerAddressAndEmail,
                                AttemptLimiter signInPerEmail, AttemptLimiter signUpPerAddress,
                                ClientAddress clientAddress) {

    public static final int SIGN_IN_PER_ADDRESS = 20;
    public static final int SIGN_IN_PER_ADDRESS_AND_EMAIL = 5;
    public static final int SIGN_IN_PER_EMAIL = 20;
    public static final int SIGN_UP_PER_ADDRESS = 5;

    /** Emails longer than this are cut in a limiter key: no valid email is longer. */
    private static final int MAX_EMAIL_IN_KEY = 254;

    public AccountRateLimits {
        Objects.requireNonNull(signInPerAddress, "signInPerAddress");
        Objects.requireNonNull(signInPerAddressAndEmail, "signInPerAddressAndEmail");
        Objects.requireNonNull(signInPerEmail, "signInPerEmail");
        Objects.requireNonNull(signUpPerAddress, "signUpPerAddress");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }

    /** The contract's numbers, per minute. */
    public static AccountRateLimits perContract(Clock clock, ClientAddress clientAddress) {
        return new AccountRateLimits(AttemptLimiter.perMinute(SIGN_IN_PER_ADDRESS, clock),
                AttemptLimiter.perMinute(SIGN_IN_PER_ADDRESS_AND_EMAIL, clock),
                AttemptLimiter.perMinute(SIGN_IN_PER_EMAIL, clock),
                AttemptLimiter.perMinute(SIGN_UP_PER_ADDRESS, clock), clientAddress);
    }

    /** The key of one email from one address. */
    static String addressAndEmail(String address, String email) {
        return address + "\n" + emailKey(email);
    }

    /**
     * An email as a limiter key: normalized like stored emails (NFKC, lower case), so neither letter
     * case nor another encoding of the same address dodges the limit.
     */
    static String emailKey(String email) {
        String normalized = email == null ? "" : Normalizer.normalize(email.strip(), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        return normalized.substring(0, Math.min(normalized.length(), MAX_EMAIL_IN_KEY));
    }
}
