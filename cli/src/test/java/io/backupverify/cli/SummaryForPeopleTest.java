package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed summary: plurals, problems worst first with advice, --quiet, colour and width. */
class SummaryForPeopleTest {
    @TempDir
    Path dir;

    private Path plan() throws IOException {
        Path good = Files.createDirectories(dir.resolve("good/b-2026-11-28"));
        Files.writeString(good.resolve("a"), "a");
        Files.writeString(good.resolve("SHA256SUMS"),
                "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a\n");
        Path bad = Files.createDirectories(dir.resolve("bad/b-2026-11-28"));
        Files.writeString(bad.resolve("a"), "b");
        Files.writeString(bad.resolve("notes"), "unlisted");
        Files.writeString(bad.resolve("SHA256SUMS"),
                "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a\n");
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                backupSets:
                  - name: good
                    target: { type: local, path: good }
                    checks: { integrity: {} }
                  - name: bad
                    target: { type: local, path: bad }
                    checks: { integrity: {} }
                """);
        return plan;
    }

    @Test
    void problemsComeWorstFirstWithWhatToDo() throws IOException {
        CommandRunner result = CommandRunner.run("verify", plan().toString());

        assertThat(result.exitCode()).isEqualTo(Status.FAIL.exitCode());
        assertThat(result.out()).startsWith("Backup verification: FAIL  (2 sets, 2 checks: 1 PASS, 1 FAIL; ")
                .contains("Problems, worst first:")
                .doesNotContain("\u001b[");
        String problems = result.out().substring(result.out().indexOf("Problems"));
        assertThat(problems.indexOf("FAIL  b-2026-11-28/a: changed")).isLessThan(problems.indexOf("WARN  b-2026"));
        assertThat(problems).contains("what to do: no earlier backup holds a copy: take a new backup now");
    }

    @Test
    void quietLeavesOutTheTable() throws IOException {
        CommandRunner result = CommandRunner.run("verify", "--quiet", plan().toString());

        assertThat(result.out()).doesNotContain("STATUS").doesNotContain("LATEST BACKUP")
                .contains("Backup verification: FAIL").contains("bad / integrity: FAIL");
    }

    @Test
    void oneOfAThingIsSingular() {
        assertThat(SummaryPrinter.plural(1, "check", "checks")).isEqualTo("1 check");
        assertThat(SummaryPrinter.plural(2, "file", "files")).isEqualTo("2 files");
    }

    @Test
    void colourAndWrappingFollowTheStyle() {
        SummaryStyle colour = new SummaryStyle(true, 40, false);
        assertThat(colour.status(Status.FAIL)).isEqualTo("\u001b[1;31mFAIL\u001b[0m");
        assertThat(SummaryStyle.PLAIN.status(Status.FAIL)).isEqualTo("FAIL");
        String wrapped = SummaryPrinter.wrap("    FAIL x: " + "word ".repeat(20), 40, "          ", colour);
        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40))
                .first().asString().startsWith("    FAIL x: word");
        assertThat(wrapped.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("          word"));
    }
}
