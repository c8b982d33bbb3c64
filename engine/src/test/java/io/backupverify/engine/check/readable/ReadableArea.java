package io.backupverify.engine.check.readable;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.LocalTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/** Backups made with real tools in a temporary folder, checked by the readable check through the verifier. */
final class ReadableArea {
    final Path root;

    ReadableArea(Path root) {
        this.root = root;
    }

    Path folder(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    CheckResult readable(String spec) throws Exception {
        return readable(spec, Progress.NONE);
    }

    /** @param progress told of the bytes read, as the progress display is */
    CheckResult readable(String spec, Progress progress) throws Exception {
        String yaml = "backupSets:\n"
                + "  - name: test\n"
                + "    target: { type: local, path: \"" + root + "\" }\n"
                + "    layout: { kind: directory-per-backup, namePattern: \"b-{yyyy-MM-dd}\" }\n"
                + "    checks:\n"
                + "      readable: " + spec + "\n";
        Plan plan = new PlanParser().parse(yaml, "plan.yaml", root);
        VerifyOptions options = VerifyOptions.defaults().withThreads(2)
                .withClock(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC)).withProgress(progress);
        RunResult run = new Verifier(set -> new LocalTarget(root)).verify(plan, options);
        return run.sets().get(0).checks().get(0);
    }

    static boolean commandExists(String name) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "command -v " + name).start();
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    /** Runs a shell command in a folder; it must succeed. */
    static void shell(Path folder, String command) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", command).directory(folder.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + output).isZero();
    }

    /** A copy of a file cut to its first {@code bytes} bytes. */
    static Path cut(Path file, String name, long bytes) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Path copy = file.resolveSibling(name);
        Files.write(copy, java.util.Arrays.copyOf(content, (int) Math.min(bytes, content.length)));
        return copy;
    }

    /** Flips the bits of one byte of a file. */
    static void flip(Path file, long at) throws IOException {
        byte[] content = Files.readAllBytes(file);
        content[(int) at] ^= (byte) 0xff;
        Files.write(file, content);
    }
}
