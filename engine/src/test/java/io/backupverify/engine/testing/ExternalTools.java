package io.backupverify.engine.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the system's own tools (age, gpg, openssl, restic, chown) for tests that need their real output. */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Skips the test, saying why, when a tool is not installed (`.ci/run` installs them). */
    public static void require(String tool) {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")).stream()
                .anyMatch(dir -> Path.of(dir, tool).toFile().canExecute());
        assumeTrue(found, tool + " is not installed (.ci/run installs it)");
    }

    /** Runs a command in a folder and returns its output; fails the test when it exits non-zero. */
    public static String run(Path dir, Map<String, String> environment, String... command) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + exit + ": " + output);
        }
        return output;
    }

    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, Map.of(), command);
    }
}
