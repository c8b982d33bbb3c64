package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The restoreTest key of a backup set: what it accepts, and each mistake refused with its key and line. */
class RestoreTestPlanTest {
    private static final String PLAN = """
            backupSets:
              - name: web
                target: { type: local, path: /srv/backups/web }
                restoreTest:
                  select: latest
                  rto: 45m
                  restore: { kind: archive, limits: { maxSize: 2GiB, maxEntries: 5000, maxRatio: 50 } }
                  validate:
                    - checksums: SHA256SUMS
                    - required: [index.html]
                    - command: { run: "./smoke-test.sh", timeout: 5m }
            """;

    private final PlanParser parser = new PlanParser();

    private RestoreTestSpec parse(String text) throws PlanException {
        return parser.parse(text, "plan.yaml", Path.of("/plans")).backupSets().get(0).restoreTest();
    }

    private void refused(String from, String to, String key, int line, String problem) {
        String text = PLAN.replace(from, to);
        assertThat(text).as("the test's replacement applies").isNotEqualTo(PLAN);
        assertThatThrownBy(() -> parse(text)).as(to).isInstanceOfSatisfying(PlanException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.problem()).contains(problem);
        });
    }

    @Test
    void aSetWithOnlyARestoreTestIsValidAndReadAsWritten() throws PlanException {
        RestoreTestSpec test = parse(PLAN);

        assertThat(test.select()).isEqualTo(RestoreSelect.LATEST);
        assertThat(test.rto().text()).isEqualTo("45m");
        assertThat(test.restore()).isInstanceOfSatisfying(ArchiveRestoreSpec.class, archive -> {
            assertThat(archive.limits().maxSize().bytes()).isEqualTo(2L << 30);
            assertThat(archive.limits().maxEntries()).isEqualTo(5000);
            assertThat(archive.limits().maxRatio()).isEqualTo(50);
        });
        assertThat(test.validate()).extracting(ValidationSpec::key).containsExactly("checksums", "required",
                "command");
        assertThat(test.validate().get(2).command().timeout().text()).isEqualTo("5m");
    }

    @Test
    void selectTakesTheThreeForms() throws PlanException {
        assertThat(parse(PLAN.replace("select: latest", "select: oldest-kept")).select().mode())
                .isEqualTo(RestoreSelect.Mode.OLDEST_KEPT);
        RestoreSelect random = parse(PLAN.replace("select: latest", "select: { random-within: 30d }")).select();
        assertThat(random.mode()).isEqualTo(RestoreSelect.Mode.RANDOM_WITHIN);
        assertThat(random.within().duration().toDays()).isEqualTo(30);
    }

    @Test
    void defaultsAreLatestDefaultLimitsAndNoValidations() throws PlanException {
        RestoreTestSpec test = parse("""
                backupSets:
                  - name: web
                    target: { type: local, path: /srv/web }
                    restoreTest: { restore: { kind: files } }
                """);
        assertThat(test.select()).isEqualTo(RestoreSelect.LATEST);
        assertThat(test.restore()).isInstanceOf(FilesRestoreSpec.class);
        assertThat(test.validate()).isEmpty();
        assertThat(new ArchiveRestoreSpec(null).limits()).isEqualTo(ExtractionLimits.DEFAULT);
    }

    @Test
    void unknownOrMissingKindsArePlanErrorsNamingTheKey() {
        refused("kind: archive,", "kind: tape,", "backupSets[0].restoreTest.restore", 7,
                "unknown restore kind 'tape'; known kinds: archive, files");
        refused("kind: archive,", "", "backupSets[0].restoreTest.restore", 7, "missing key 'kind'");
    }

    @Test
    void mistakesAreRefusedWithTheirKey() {
        refused("select: latest", "select: newest", "backupSets[0].restoreTest.select", 5,
                "select is latest, oldest-kept or { random-within: 30d }");
        refused("rto: 45m", "rto: 0m", "backupSets[0].restoreTest.rto", 6, "rto must be more than 0");
        refused("maxRatio: 50", "maxRatio: 0", "backupSets[0].restoreTest.restore.limits.maxRatio", 7,
                "at least 1");
        refused("maxEntries: 5000", "maxEntries: 0", "backupSets[0].restoreTest.restore.limits.maxEntries", 7,
                "at least 1");
        refused("- required: [index.html]", "- required: [../etc/passwd]",
                "backupSets[0].restoreTest.validate[1].required[0]", 10, "not a path inside the restored data");
        refused("- required: [index.html]", "- { required: [a], checksums: SHA256SUMS }",
                "backupSets[0].restoreTest.validate[1]", 8, "exactly one key");
        refused("- required: [index.html]", "- sql: \"select true\"", "backupSets[0].restoreTest.validate[1].sql",
                10, "applies to database restores");
        refused("- checksums: SHA256SUMS", "- checksums: /etc/SHA256SUMS",
                "backupSets[0].restoreTest.validate[0].checksums", 9, "not a path inside");
        refused("run: \"./smoke-test.sh\", ", "", "backupSets[0].restoreTest.validate[2].command.run", 11,
                "needs run");
        refused("restore: { kind: archive, limits: { maxSize: 2GiB, maxEntries: 5000, maxRatio: 50 } }", "",
                "backupSets[0].restoreTest", 4, "restoreTest needs restore");
        refused("select: latest", "selection: latest", "backupSets[0].restoreTest.selection", 5, "unknown key");
    }

    @Test
    void aSetWithNeitherChecksNorRestoreTestStillNeedsChecks() {
        assertThatThrownBy(() -> parse("""
                backupSets:
                  - name: web
                    target: { type: local, path: /srv/web }
                """)).isInstanceOfSatisfying(PlanException.class,
                e -> assertThat(e.problem()).contains("no checks configured"));
    }
}
