package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report named by a pipe or a link is written through it, never by moving a new file over it: run as root with
 * {@code --json /dev/null}, that move replaced the machine's /dev/null with a regular file.
 */
class ReportIntoPipesAndLinksTest {
    @TempDir
    Path dir;

    private Path plan() throws IOException {
        Files.createDirectories(dir.resolve("backups"));
        return Files.writeString(dir.resolve("plan.yaml"), """
                backupSets:
                  - name: orders-db
                    target: { type: local, path: backups }
                    checks: { freshness: { maxAge: 26h } }
                """);
    }

    @Test
    void aReportNamedByAPipeIsWrittenIntoThePipeWhichStaysAPipe() throws Exception {
        Path pipe = dir.resolve("report.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(60, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CommandRunner result = CommandRunner.run("verify", plan().toString(), "--json", pipe.toString());

        assertThat(read.get(2, TimeUnit.MINUTES)).contains("\"backupSets\"");
        assertThat(result.err()).doesNotContain("cannot write");
        assertThat(Files.readAttributes(pipe, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther())
                .as("still a pipe").isTrue();
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aReportNamedByALinkGoesToTheFileItNamesAndTheLinkStays() throws Exception {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("kept")).resolve("report.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), real);

        CommandRunner result = CommandRunner.run("verify", plan().toString(), "--json", link.toString());

        assertThat(result.err()).doesNotContain("cannot write");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"backupSets\"");
    }
}
