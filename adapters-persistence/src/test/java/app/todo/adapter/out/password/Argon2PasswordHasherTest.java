package app.todo.adapter.out.password;

import app.todo.application.port.out.PasswordHasher;
import app.todo.application.port.out.PasswordHasherContract;
import app.todo.application.port.out.Race;
import app.todo.domain.account.PasswordHash;
import app.todo.domain.account.PlainPassword;
import com.password4j.Argon2Function;
import com.password4j.Password;
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

    /** n hashes at once hold n + 1 times the memory parameter (password4j's template); half the heap at most. */
    @Test
    void hashes_at_once_are_bounded_by_cores_and_by_half_the_heap() {
        Argon2PasswordHasher.Parameters owasp = Argon2PasswordHasher.Parameters.OWASP;
        long mib = 1024L * 1024;
        assertEquals(1, Argon2PasswordHasher.threadsFor(owasp, 2, 128 * mib), "two cores leave one to requests");
        assertEquals(2, Argon2PasswordHasher.threadsFor(owasp, 8, 128 * mib), "64 MiB holds three 19 MiB blocks");
        assertEquals(7, Argon2PasswordHasher.threadsFor(owasp, 8, 1024 * mib));
        assertEquals(1, Argon2PasswordHasher.threadsFor(owasp, 8, 32 * mib), "one hash runs whatever the heap");
        assertEquals(1, Argon2PasswordHasher.threadsFor(owasp, 1, 1024 * mib));
    }

    /** The decoy is written, not hashed (start-up cost): it must read back as a hash of exactly these parameters. */
    @Test
    void the_decoy_reads_as_a_hash_of_the_current_parameters_that_nothing_matches() {
        String decoy = Argon2PasswordHasher.decoyFor(CHEAP);
        String real = hasher.hash(new PlainPassword("p4ssw0rd!")).encoded();

        Argon2Function parsed = Argon2Function.getInstanceFromHash(decoy);
        assertEquals(Argon2Function.getInstanceFromHash(real), parsed, "same function, so the same cost to check");
        assertEquals(real.split("\\$")[4].length(), decoy.split("\\$")[4].length(), "salt");
        assertEquals(real.split("\\$")[5].length(), decoy.split("\\$")[5].length(), "digest");
        assertFalse(Password.check("p4ssw0rd!", decoy).with(parsed));
        assertFalse(Password.check("", decoy).with(parsed));
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
