package io.backupverify.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real commands (mkfs, mount, setpriv, tar, …) for tests. */
public final class Commands {
    private Commands() {
    }

    /** What a command printed and how it ended. */
    public record Outcome(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a command, output and errors together; exit code 127 when it cannot be started. */
    public static Outcome run(String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(124, "timed out: " + String.join(" ", command));
            }
            return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return new Outcome(127, "cannot run " + command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(130, "interrupted");
        }
    }

    /** Runs a command and fails the test when it does not succeed. */
    public static String require(String... command) {
        Outcome outcome = run(command);
        if (!outcome.ok()) {
            throw new AssertionError(String.join(" ", command) + " exited " + outcome.exitCode() + ": "
                    + outcome.output());
        }
        return outcome.output();
    }

    /** Whether this process runs as root. */
    public static boolean isRoot() {
        Outcome id = run("id", "-u");
        return id.ok() && id.output().equals("0");
    }

    /** The command, run as the unprivileged user nobody (for a root test process), else as is. */
    public static String[] asNobody(String... command) {
        if (!isRoot()) {
            return command;
        }
        String[] wrapped = new String[command.length + 4];
        wrapped[0] = "setpriv";
        wrapped[1] = "--reuid=65534";
        wrapped[2] = "--regid=65534";
        wrapped[3] = "--clear-groups";
        System.arraycopy(command, 0, wrapped, 4, command.length);
        return wrapped;
    }
}
