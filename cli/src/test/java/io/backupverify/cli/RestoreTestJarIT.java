package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore test stopped as Ctrl-C or kill would stop it still removes its scratch folder. */
class RestoreTestJarIT {
    @TempDir
    Path dir;

    @Test
    void aStoppedRestoreTestRemovesItsScratchFolder() throws Exception {
        Path backup = Files.createDirectories(dir.resolve("backups/web-2026-11-25"));
        Files.writeString(backup.resolve("secret.txt"), "restored data must not stay behind");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path started = dir.resolve("command-started");
        Files.writeString(dir.resolve("plan.yaml"), """
                backupSets:
                  - name: web
                    target: { type: local, path: backups }
                    layout: { kind: directory-per-backup, namePattern: "web-{yyyy-MM-dd}" }
                    restoreTest:
                      restore: { kind: files }
                      validate: [ { command: { run: "touch '%s'; sleep 60" } } ]
                """.formatted(started));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("backupVerify.jar"), "restore-test", "plan.yaml", "--scratch",
                scratch.toString()).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.exists(started) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(started).as("the validation command started").exists();
        assertThat(list(scratch)).hasSize(1);
        List<ProcessHandle> children = process.descendants().toList();

        process.destroy(); // SIGTERM, as kill or a stopped Jenkins build sends

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(err).contains("removed scratch folder");
        assertThat(list(scratch)).isEmpty();
        for (ProcessHandle child : children) {
            Instant until = Instant.now().plus(Duration.ofMinutes(1));
            while (running(child) && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            assertThat(running(child)).as("the validation command " + child.info() + " was stopped too").isFalse();
        }
    }

    /** Alive and not a zombie (a killed grandchild may wait for a PID 1 that never reaps it). */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> children = Files.list(folder)) {
            return children.toList();
        }
    }
}
