package app.todo.application.service;

import app.todo.application.port.in.CallerError;
import app.todo.application.port.in.IdentifyCallerCommand;
import app.todo.application.port.in.IdentifyCallerUseCase;
import app.todo.application.port.out.UserRepository;
import app.todo.domain.shared.InvalidValueException;
import app.todo.domain.shared.Result;
import app.todo.domain.shared.Text;
import app.todo.domain.user.Email;
import app.todo.domain.user.IdentitySource;
import app.todo.domain.user.Role;
import app.todo.domain.user.User;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, once per request, who the bearer of a verified token is: provisions an external user on
 * first sight, refuses a source vouching for a user it does not own, a disabled user, and (from a
 * trusted source) a banned one, and applies a trusted admin claim for this request only.
 *
 * <p>The trust rules (docs/rules.md §2): an external source (shared secret, JWKS) vouches only for external
 * users, the service's own key only for own accounts, and neither ever for the other's. {@code role}
 * and {@code banned} claims count only from the sources in {@code claimSources}
 * ({@code AUTH_TRUST_ROLE_CLAIMS}, JWKS by default) and are never stored: a demotion at the identity
 * provider takes effect with its next token. The stored role is the one granted here.
 */
public final class IdentifyCallerService implements IdentifyCallerUseCase {

    /**
     * Better Auth's admin plugin puts {@code role} and {@code banned} into its JWKS-signed tokens and into
     * the user its {@code get-session} answers with; shared-secret tokens can be minted by anyone with
     * the secret, so they are not trusted for claims unless configured.
     */
    public static final Set<IdentitySource> DEFAULT_CLAIM_SOURCES =
            Set.of(IdentitySource.JWKS, IdentitySource.BETTER_AUTH_SESSION);

    private final UserRepository users;
    private final Clock clock;
    private final RecentCallers recent;
    private final Set<IdentitySource> claimSources;
    private SessionLiveness sessions;

    public IdentifyCallerService(UserRepository users, Clock clock) {
        this(users, clock, RecentCallers.none(), DEFAULT_CLAIM_SOURCES);
    }

    public IdentifyCallerService(UserRepository users, Clock clock, RecentCallers recent) {
        this(users, clock, recent, DEFAULT_CLAIM_SOURCES);
    }

    /**
     * @param claimSources whose {@code role}/{@code banned} claims count; a source that may not assert
     *                     claims (the service's own key) is refused
     * @throws IllegalArgumentException when {@code claimSources} names the service's own key
     */
    public IdentifyCallerService(UserRepository users, Clock clock, RecentCallers recent,
                                 Set<IdentitySource> claimSources) {
        this.users = users;
        this.clock = clock;
        this.recent = recent;
        this.claimSources = claimSources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(claimSources));
        if (this.claimSources.stream().anyMatch(source -> !source.mayAssertClaims())) {
            throw new IllegalArgumentException("the service's own tokens carry no role: its key cannot be trusted for claims");
        }
    }

    /** Own tokens that name a session ({@code sid}) are refused once it has ended (docs/rules.md §2). */
    public IdentifyCallerService checkingSessions(SessionLiveness liveness) {
        this.sessions = liveness;
        return this;
    }

    @Override
    public Result<User, CallerError> identifyCaller(IdentifyCallerCommand command) {

        boolean claimsCount = claimSources.contains(command.source());
        if (claimsCount && command.bannedClaim()) {
            return Result.err(new CallerError.Banned(command.userId().value()));
        }
        Optional<User> cached = recent.get(command.userId());
        Optional<User> known = cached.or(() -> users.find(command.userId()));
        User user;
        if (known.isPresent()) {
            user = known.get();
        } else if (command.source().origin().isExternal()) {
            // Provisioned with the plain role: a claimed admin role is never a lasting grant. The user remembers
            // which source introduced it, and no other source speaks for it from then on.
            user = users.addIfAbsent(User.newcomer(command.userId(), emailOrNull(command.email()),
                    nameOrNull(command.name()), Role.USER, Times.now(clock), command.source().origin()));
        } else {
            // Own accounts come from sign-up only; a token of the own key for nobody proves nothing.
            return Result.err(new CallerError.NotVouchedFor(command.userId().value()));
        }
        if (!user.origin().admits(command.source().origin())) {
            return Result.err(new CallerError.NotVouchedFor(user.id().value()));
        }
        if (cached.isEmpty()) {
            // Only on a miss: remembering on every hit would keep an entry fresh forever.
            recent.remember(user);
        }
        if (user.disabled()) {
            return Result.err(new CallerError.Disabled(user.id().value()));
        }
        // After the disabled check: disabling also ends every session, and the contract's answer is the 403.
        // An own token must name a live session: every token sign-in issues does, so one without is from a
        // key that leaked (e.g. a backup from before AUTH_SECRET) and sign-out could never end it.
        if (sessions != null && command.source() == IdentitySource.OWN_KEY
                && (command.sessionId().isEmpty() || !sessions.isLive(command.sessionId().get()))) {
            return Result.err(new CallerError.SessionEnded(command.sessionId().orElse("")));
        }
        return Result.ok(claimsCount && command.adminClaim() && !user.isAdmin() ? user.withRole(Role.ADMIN) : user);
    }

    /**
     * A claimed display name is kept only when it is text every store holds exactly (docs/rules.md §3); a
     * token is still valid without one, so a name that is not is dropped rather than refusing the caller.
     */
    private static String nameOrNull(String raw) {
        if (raw == null || raw.isBlank() || Text.length(raw) > SignUpService.MAX_NAME_LENGTH) {
            return null;
        }
        try {
            return Text.wellFormed("name", raw.strip(), Text.Kind.SINGLE_LINE);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static Email emailOrNull(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new Email(raw);
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
