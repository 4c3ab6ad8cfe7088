package app.todo.adapter.http.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * The contract's limits on password guessing and account creation: sign-in at most 5 attempts a minute
 * per client address and email and 20 per address; sign-up at most 5 a minute per address. Counted in
 * this instance's memory (see {@link AttemptLimiter}): with several instances each counts on its own.
 */
public record AccountRateLimits(AttemptLimiter signInPerAddress, AttemptLimiter signInPerAddressAndEmail,
                                AttemptLimiter signUpPerAddress, ClientAddress clientAddress) {

    public static final int SIGN_IN_PER_ADDRESS = 20;
    public static final int SIGN_IN_PER_ADDRESS_AND_EMAIL = 5;
    public static final int SIGN_UP_PER_ADDRESS = 5;

    /** Emails longer than this are cut in a limiter key: no valid email is longer. */
    private static final int MAX_EMAIL_IN_KEY = 254;

    public AccountRateLimits {
        Objects.requireNonNull(signInPerAddress, "signInPerAddress");
        Objects.requireNonNull(signInPerAddressAndEmail, "signInPerAddressAndEmail");
        Objects.requireNonNull(signUpPerAddress, "signUpPerAddress");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }

    /** The contract's numbers, per minute. */
    public static AccountRateLimits perContract(Clock clock, ClientAddress clientAddress) {
        return new AccountRateLimits(AttemptLimiter.perMinute(SIGN_IN_PER_ADDRESS, clock),
                AttemptLimiter.perMinute(SIGN_IN_PER_ADDRESS_AND_EMAIL, clock),
                AttemptLimiter.perMinute(SIGN_UP_PER_ADDRESS, clock), clientAddress);
    }

    /** The key of one email from one address; the email as typed, lower-cased, so its letter case cannot dodge the limit. */
    static String addressAndEmail(String address, String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return address + "\n" + normalized.substring(0, Math.min(normalized.length(), MAX_EMAIL_IN_KEY));
    }
}
