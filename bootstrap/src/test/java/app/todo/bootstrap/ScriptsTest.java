package app.todo.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripts a newcomer runs first say what they chose: the JDK, never a silent skip of an
 * older one, and a clear message when there is none at all.
 */
class ScriptsTest {

    private static final Path JAVA_ENV = Path.of("..", "bin", "java-env.sh");

    @Test
    void sourcingJavaEnvNamesTheJdkItPicked() throws Exception {
        Result result = bash(". " + JAVA_ENV + " && echo \"$JAVA_HOME\"", Path.of(System.getProperty("java.home")).toString());

        assertEquals(0, result.exit(), result.stderr());
        assertTrue(result.stderr().contains("java-env: using JDK "), result.stderr());
        assertTrue(result.stderr().contains(result.stdout().strip()), "the line names the JDK it exported: " + result);
    }

    @Test
    void withoutAnyJdk21ItSaysWhatItFoundAndFails() throws Exception {
        Path noJdks = Files.createTempDirectory("no-jdks");
        // A PATH with the script's tools but no java at all, whatever this machine's default java is.
        Path tools = Files.createTempDirectory("tools-without-java");
        for (String tool : new String[] {"readlink", "grep", "sort", "tail", "head", "sed", "awk", "cat", "dirname", "basename"}) {
            for (String dir : new String[] {"/usr/bin", "/bin"}) {
                Path candidate = Path.of(dir, tool);
                if (Files.isExecutable(candidate) && !Files.exists(tools.resolve(tool))) {
                    Files.createSymbolicLink(tools.resolve(tool), candidate);
                }
            }
        }
        Result result = bash("PATH=" + tools + " TODO_JVM_DIR=" + noJdks + " JAVA_HOME= /bin/bash " + JAVA_ENV, null);

        assertEquals(1, result.exit(), result.toString());
        assertTrue(result.stderr().contains("needs a JDK 21 or newer"), result.stderr());
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result bash(String script, String javaHome) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script);
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome);
        }
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the script did not finish: " + script);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
