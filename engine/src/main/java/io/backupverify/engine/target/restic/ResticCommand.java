package io.backupverify.engine.target.restic;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code restic} program against one repository. The repository and every secret go to restic
 * through its environment, never its command line (which other users can see); what restic prints is masked of
 * those secrets before it reaches a message.
 */
final class ResticCommand {
    /** What a finished restic run left: its exit code, its standard output in a file, its error output. */
    record Outcome(int exitCode, Path stdout, String stderr) {
    }

    private final String program;
    private final Map<String, String> environment;
    private final List<String> secrets;
    private final Path scratch;

    ResticCommand(String program, Map<String, String> environment, List<String> secrets) throws IOException {
        this.program = program;
        this.environment = Map.copyOf(environment);
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 3).toList();
        this.scratch = Files.createTempDirectory("backup-verify-restic-");
    }

    /** Runs restic to its end or the time limit; its output is kept in a file until the next call with this name. */
    Outcome run(String name, Duration limit, String... arguments) throws IOException, InterruptedException {
        Path stdout = scratch.resolve(name + ".out");
        Path stderr = scratch.resolve(name + ".err");
        Process process = builder(arguments).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean finished;
        try {
            finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Abandoned (a restore test's time limit, a shutdown): restic must not go on writing.
            stop(process);
            throw e;
        }
        if (!finished) {
            stop(process);
            throw new IOException("restic " + arguments[0] + " did not finish within " + limit.toMinutes()
                    + " minutes and was stopped");
        }
        return new Outcome(process.exitValue(), stdout, mask(Files.readString(stderr, StandardCharsets.UTF_8)));
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Gone or going; nothing more to do.
        }
    }

    /**
     * Streams what restic writes to its output (such as {@code dump}); reaching the end fails when restic failed, so
     * a cut-short file never reads as whole.
     */
    InputStream stream(String... arguments) throws IOException {
        Path stderr = Files.createTempFile(scratch, "stream", ".err");
        Process process = builder(arguments).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        return new FilterInputStream(process.getInputStream()) {
            private boolean judged;

            @Override
            public int read() throws IOException {
                int b = super.read();
                return b < 0 ? judge(b) : b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                return n < 0 ? judge(n) : n;
            }

            private int judge(int end) throws IOException {
                if (!judged) {
                    judged = true;
                    try {
                        if (!process.waitFor(5, TimeUnit.MINUTES)) {
                            process.destroyForcibly();
                            throw new IOException("restic " + arguments[0] + " did not exit");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted");
                    }
                    if (process.exitValue() != 0) {
                        throw new IOException("restic " + arguments[0] + " failed (exit code " + process.exitValue()
                                + "): " + lastLine(mask(Files.readString(stderr, StandardCharsets.UTF_8))));
                    }
                }
                return end;
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    if (process.isAlive()) {
                        process.destroyForcibly();
                    }
                    Files.deleteIfExists(stderr);
                }
            }
        };
    }

    private ProcessBuilder builder(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("RESTIC_") || key.startsWith("AWS_"));
        env.putAll(environment);
        return builder;
    }

    String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "****");
        }
        return masked;
    }

    /**
     * The last line restic wrote that says something, for messages. restic follows some errors with the Go stack
     * that raised them (a function line, then a tab and {@code file.go:line}, down to {@code runtime.goexit}):
     * that part is left out, so the message is the error itself.
     */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        int end = lines.length;
        for (int i = 1; i < lines.length; i++) {
            if (GO_FRAME_FILE.matcher(lines[i]).matches()) {
                end = i - 1;
                break;
            }
        }
        for (int i = end - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return explained(lines[i].strip());
            }
        }
        return "no message";
    }

    /** The second line of a Go stack frame: a tab, then the source file and line. */
    private static final java.util.regex.Pattern GO_FRAME_FILE =
            java.util.regex.Pattern.compile("\t\\S+\\.(go|s):\\d+( \\+0x[0-9a-f]+)?");

    private static String explained(String line) {
        if (line.matches("(?:.*: )?id [0-9a-f]{64} not found in repository")) {
            return line + " (the repository's index does not list data a snapshot needs: an index or pack file is "
                    + "missing or damaged; restic check tells which)";
        }
        return line;
    }

    void cleanUp() throws IOException {
        try (var files = Files.list(scratch)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(scratch);
    }
}
