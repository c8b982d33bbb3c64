package io.backupverify.engine.check.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files cut short, rewritten and replaced at random moments while several readers hash them mapped, in a JVM of
 * its own ({@link CutWhileHashing}): that JVM must end by itself with every read a digest or an IOException. The
 * JVM used to end itself instead ("Cleaner terminated abnormally", exit 1) when the fault of a cut-short mapping
 * surfaced during the release of the region, or let the fault surface after the read had returned a digest; how
 * often depended on timing, so the run goes on until the readers have met enough cuts, and small windows make many
 * releases. Asserts no duration: a busy machine runs longer.
 */
class CutWhileHashingTest {
    @TempDir
    Path folder;

    @Test
    void filesCutShortWhileHashedGiveErrorsAndNeverEndTheProcess() throws Exception {
        Path log = folder.resolve("child.log");
        Path data = Files.createDirectory(folder.resolve("data"));
        long mostMillis = 180_000;
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), CutWhileHashing.class.getName(),
                data.toString(), "5000", "40", Long.toString(mostMillis), "2", "6", Integer.toString(3 << 20),
                Long.toString(256 << 10)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(mostMillis + 600_000, TimeUnit.MILLISECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        String output = read(log);

        assertThat(ended).as("the child ended; its output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as("exit status; output:%n%s", output).isZero();
        assertThat(output).doesNotContain("Cleaner terminated abnormally").contains("whole=");
        assertThat(count(output, "failed=")).as("reads that met a cut; output: %s", output).isPositive();
        assertThat(count(output, "whole=")).as("reads that were whole; output: %s", output).isPositive();
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static long count(String output, String key) {
        int at = output.lastIndexOf(key);
        int end = at + key.length();
        while (end < output.length() && Character.isDigit(output.charAt(end))) {
            end++;
        }
        return Long.parseLong(output.substring(at + key.length(), end));
    }
}
