package app.todo.adapter.out.password;

import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.out.PasswordHasherContract;
import app.todo.application.port.out.Race;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The port's contract with cheap parameters, to keep the build fast. */
class Argon2PasswordHasherTest extends PasswordHasherContract {

    /** Far below OWASP\'s cost: the contract is about behaviour, not strength (that is Argon2PasswordHasherOwaspTest). */
    static final Argon2PasswordHasher.Parameters CHEAP = new Argon2PasswordHasher.Parameters(64, 1, 1);

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(CHEAP);

    @Override
    protected PasswordHasher hasher() {
        return hasher;
    }

    @Test
    void writes_standard_argon2id_strings_with_its_parameters() {
        PasswordHash hash = hasher.hash(new PlainPassword("p4ssw0rd!"));

        assertTrue(hash.encoded().startsWith("$argon2id$v=19$m=64,t=1,p=1$"), "unexpected form");
        assertEquals("m=64,t=1,p=1", hasher.parametersOfNewHashes());
    }

    /** n hashes at once hold n times the memory parameter; half the heap at most. */
    @Test
    void hashes_at_once_are_bounded_by_cores_and_by_half_the_heap() {
        Argon2PasswordHasher.Parameters owasp = Argon2PasswordHasher.Parameters.OWASP;
        long mib = 1024L * 1024;
        assertEquals(1, Argon2PasswordHasher.threadsFor(owasp, 2, 128 * mib), "two cores leave one to requests");
        assertEquals(3, Argon2PasswordHasher.threadsFor(owasp, 8, 128 * mib), "64 MiB holds three 19 MiB blocks");
        assertEquals(7, Argon2PasswordHasher.threadsFor(owasp, 8, 1024 * mib));
        assertEquals(1, Argon2PasswordHasher.threadsFor(owasp, 8, 32 * mib), "one hash runs whatever the heap");
        assertEquals(1, Argon2PasswordHasher.threadsFor(owasp, 1, 1024 * mib));
    }

    /** The decoy is written, not hashed (start-up cost): it must read back as a hash of exactly these parameters. */
    @Test
    void the_decoy_reads_as_a_hash_of_the_current_parameters_that_nothing_matches() {
        String decoy = Argon2PasswordHasher.decoyFor(CHEAP);
        String real = hasher.hash(new PlainPassword("p4ssw0rd!")).encoded();

        Argon2PasswordHasher.Stored parsed = Argon2PasswordHasher.decode(decoy, CHEAP).orElseThrow();
        Argon2PasswordHasher.Stored made = Argon2PasswordHasher.decode(real, CHEAP).orElseThrow();
        assertEquals(made.parameters(), parsed.parameters(), "same parameters, so the same cost to check");
        assertEquals(made.salt().length, parsed.salt().length, "salt");
        assertEquals(made.digest().length, parsed.digest().length, "digest");
        assertFalse(hasher.verify(new PlainPassword("p4ssw0rd!"), new PasswordHash(decoy)));
    }

    /**
     * Hashes password4j 1.8.4 wrote (the library this service hashed with before) of the password below: the stored
     * form and the digest are the same, so accounts made before the change still sign in.
     */
    @Test
    void verifies_hashes_written_by_the_earlier_library() {
        PlainPassword password = new PlainPassword("correct horse ✓ Ünïcode");
        List<String> written = List.of(
                "$argon2id$v=19$m=64,t=1,p=1$iiBkyECOVP/OFXZl0N42Uw$ab15uF9/ZEoq3kSCGkhvmk4Wv8Oxuny8ocH7hJjyBL0",
                "$argon2id$v=19$m=256,t=3,p=2$6yQ2XNa8v+JMESiUdXQyIA$lnhqpGtpNCEkBk+gUj3A20XO7WqdrSTVgdbfC+sEBMs");
        // At least as costly as the hashes it checks: a stored hash may never cost more than a new one.
        Argon2PasswordHasher current = new Argon2PasswordHasher(new Argon2PasswordHasher.Parameters(256, 3, 2));
        for (String hash : written) {
            assertTrue(current.verify(password, new PasswordHash(hash)), hash);
            assertFalse(current.verify(new PlainPassword("correct horse ✓ Unicode"), new PasswordHash(hash)), hash);
        }
    }

    /** A damaged or outlandish stored hash reads as nothing (and so costs a decoy's check), never as a failure. */
    @Test
    void reads_only_argon2id_strings_within_bounds() {
        String good = "$argon2id$v=19$m=64,t=1,p=1$iiBkyECOVP/OFXZl0N42Uw$ab15uF9/ZEoq3kSCGkhvmk4Wv8Oxuny8ocH7hJjyBL0";
        assertTrue(Argon2PasswordHasher.decode(good, CHEAP).isPresent());
        for (String bad : List.of(
                good.replace("argon2id", "argon2i"),
                good.replace("v=19", "v=16"),
                good.replace("m=64", "m=65"),
                good.replace("m=64", "m=257"),
                good.replace("t=1", "t=2"),
                good.replace("p=1", "p=5"),
                good.replace("$ab15uF9/ZEoq3kSCGkhvmk4Wv8Oxuny8ocH7hJjyBL0", "$ab15uF9/ZEoq3kSCGkhv"),
                good.replace("iiBkyECOVP/OFXZl0N42Uw", "iiBkyECOVP/OFXZl0N42Uw".repeat(4)),
                good.replace("m=64", "m=4"),
                good.replace("t=1", "t=0"),
                good.replace("m=64,t=1,p=1", "m=64,t=1"),
                good.replace("m=64,t=1,p=1", "m=64,t=1,x=1"),
                good.replace("iiBkyECOVP", "!!BkyECOVP"),
                good + "$extra",
                "x", "$argon2id$")) {
            assertTrue(Argon2PasswordHasher.decode(bad, CHEAP).isEmpty(), bad);
            assertFalse(hasher.verify(new PlainPassword("correct horse ✓ Ünïcode"), new PasswordHash(bad)), bad);
        }
    }

    @Test
    void verifies_hashes_made_with_other_parameters() {
        PasswordHash older = new Argon2PasswordHasher(new Argon2PasswordHasher.Parameters(32, 2, 1))
                .hash(new PlainPassword("p4ssw0rd!"));

        assertTrue(hasher.verify(new PlainPassword("p4ssw0rd!"), older));
    }

    @Test
    void a_burst_of_checks_takes_turns_and_each_gets_its_own_answer() throws Exception {
        Argon2PasswordHasher oneAtATime = new Argon2PasswordHasher(CHEAP, 1);
        PasswordHash hash = oneAtATime.hash(new PlainPassword("p4ssw0rd!"));

        List<Boolean> answers = Race.run(6, i -> () -> oneAtATime.verify(
                new PlainPassword(i % 2 == 0 ? "p4ssw0rd!" : "wrong " + i), hash));

        assertEquals(List.of(true, false, true, false, true, false), answers);
    }
}
