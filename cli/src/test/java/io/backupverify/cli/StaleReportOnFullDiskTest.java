package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports on a disk that filled up since the last run: this run's FAIL cannot be written, and the earlier run's PASS
 * must not stay in its place for a CI server's JUnit step or a dashboard to read. A real tmpfs, filled with dd's
 * kind of filler (root only, as CI runs).
 */
class StaleReportOnFullDiskTest {
    @TempDir
    Path dir;
    private Path reports;

    @AfterEach
    void unmount() throws Exception {
        if (reports != null) {
            new ProcessBuilder("umount", reports.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aReportThatCannotBeWrittenDoesNotLeaveTheEarlierRunsPassInItsPlace() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounts a tmpfs");
        Path folder = dir.resolve("reports");
        Files.createDirectories(folder);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", folder.toString())
                .inheritIO().start();
        assumeTrue(mount.waitFor() == 0, "tmpfs could not be mounted");
        reports = folder;
        Path backup = dir.resolve("backups/orders-" + DateTimeFormatter.ofPattern("yyyy-MM-dd")
                .withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(backup);
        Files.writeString(backup.resolve("orders.dump"), "data", StandardCharsets.UTF_8);
        Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                backupSets:
                  - name: orders-db
                    target: { type: local, path: backups }
                    layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd}" }
                    checks:
                      completeness: { required: [orders.dump] }
                """);
        Path junit = folder.resolve("report.xml");
        Path json = folder.resolve("report.json");
        List<String> args = List.of("verify", plan.toString(), "--junit", junit.toString(), "--json", json.toString());
        assertThat(CommandRunner.run(args.toArray(String[]::new)).exitCode()).isZero();
        assertThat(Files.readString(junit)).contains("failures=\"0\"");
        fill(folder.resolve("filler"));
        Files.delete(backup.resolve("orders.dump"));

        CommandRunner failed = CommandRunner.run(args.toArray(String[]::new));

        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.out()).contains("Backup verification: FAIL").contains("NOT WRITTEN");
        assertThat(failed.err()).contains("was emptied");
        // The JSON report, written first, could not be: the earlier one is emptied, which frees the space the JUnit
        // report then needs. Neither file may still say the earlier run's PASS.
        assertThat(Files.readString(json)).as("the earlier run's JSON report").isEmpty();
        assertThat(Files.readString(junit)).as("the JUnit report").doesNotContain("failures=\"0\"")
                .satisfiesAnyOf(text -> assertThat(text).isEmpty(), text -> assertThat(text).contains("FAIL"));
    }

    /** Writes zeros until the file system is full. */
    private static void fill(Path filler) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left: the disk is full
        }
    }
}
