package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Plan mistakes that were once accepted and then crashed the run, or were silently read as something else. Each
 * must be refused with the key and line that hold it.
 */
class PlanMistakesTest {
    private static final String PLAN = """
            backupSets:
              - name: orders
                target: { type: local, path: /srv/backups/orders }
                layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd'T'HHmm}" }
                checks:
                  freshness:    { maxAge: 26h }
                  completeness: { required: [orders.dump], minFiles: 1 }
                  integrity:    { sample: 100% }
                  retention:    { keepDaily: 7, maxAge: 400d }
                  capacity:     { quota: 2TiB }
            """;

    private final PlanParser parser = new PlanParser();

    private void refused(String from, String to, String key, int line, String problem) {
        String text = PLAN.replace(from, to);
        assertThat(text).as("the test's replacement applies").isNotEqualTo(PLAN);
        assertThatThrownBy(() -> parser.parse(text, "plan.yaml", Path.of("/plans")))
                .as(to)
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void theValidPlanIsValid() throws PlanException {
        assertThat(parser.parse(PLAN, "plan.yaml", Path.of("/plans")).backupSets()).hasSize(1);
    }

    @Test
    void aNamePatternThatCannotBeCompiledIsAPlanError() {
        String key = "backupSets[0].layout.namePattern";
        refused("orders-{yyyy-MM-dd'T'HHmm}", "orders-{yyyy-MM-dd", key, 4, "without a closing '}'");
        refused("orders-{yyyy-MM-dd'T'HHmm}", "orders-{yyyy}-{MM}", key, 4, "more than one");
        refused("orders-{yyyy-MM-dd'T'HHmm}", "orders-{bbbb}", key, 4, "invalid date pattern");
    }

    @Test
    void aDatePartThatGivesNoDateIsAPlanError() {
        String key = "backupSets[0].layout.namePattern";
        refused("orders-{yyyy-MM-dd'T'HHmm}", "orders-{HHmm}", key, 4, "no date");
        refused("orders-{yyyy-MM-dd'T'HHmm}", "orders-{}", key, 4, "no date");
    }

    @Test
    void fractionsAreNotCutToWholeNumbers() {
        refused("minFiles: 1", "minFiles: 1.5", "backupSets[0].checks.completeness.minFiles", 7, "whole number");
        refused("keepDaily: 7", "keepDaily: 7.9", "backupSets[0].checks.retention.keepDaily", 9, "whole number");
    }

    @Test
    void aSampleTooSmallToRotateIsAPlanError() {
        refused("sample: 100%", "sample: 0.00000001%", "backupSets[0].checks.integrity.sample", 8, "at least");
    }

    @Test
    void durationsTooLargeToCountAreAPlanError() {
        refused("maxAge: 26h", "maxAge: 99999999999999999999h", "backupSets[0].checks.freshness.maxAge", 6,
                "too large");
        refused("maxAge: 26h", "maxAge: 999999999999999999h", "backupSets[0].checks.freshness.maxAge", 6,
                "too large");
        refused("maxAge: 400d", "maxAge: 9999999999999d", "backupSets[0].checks.retention.maxAge", 9, "too large");
    }

    @Test
    void sizesTooLargeToCountAreAPlanErrorNotAWrappedNumber() {
        refused("quota: 2TiB", "quota: 16385PiB", "backupSets[0].checks.capacity.quota", 10, "too large");
        refused("quota: 2TiB", "quota: 8192PiB", "backupSets[0].checks.capacity.quota", 10, "too large");
    }

    @Test
    void anEmptyRequiredNameIsNamedNotAnInternalError() {
        refused("required: [orders.dump]", "required: [ ~ ]", "backupSets[0].checks.completeness.required[0]", 7,
                "empty file name");
    }

    @Test
    void aManifestPathThatLeavesTheBackupOrIsEmptyIsAPlanError() {
        String key = "backupSets[0].checks.integrity.manifest";
        refused("sample: 100%", "sample: 100%, manifest: ''", key, 8, "a path inside");
        refused("sample: 100%", "sample: 100%, manifest: /etc/SHA256SUMS", key, 8, "a path inside");
        refused("sample: 100%", "sample: 100%, manifest: ../other/SHA256SUMS", key, 8, "a path inside");
        refused("sample: 100%", "sample: 100%, manifest: meta/../../SHA256SUMS", key, 8, "a path inside");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLineOfTheProblemAndWhatItIs() {
        assertThatThrownBy(() -> parser.parse("backupSets:\n\t- name: s\n", "plan.yaml", Path.of("/plans")))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).contains("TAB").doesNotStartWith("while scanning");
                });
    }

    @Test
    void aYamlAliasIsRefusedByNameNotReportedAsAMissingKey() {
        String text = PLAN.replace("target: { type: local, path: /srv/backups/orders }",
                "target: &orders { type: local, path: /srv/backups/orders }") + """
                  - name: copy
                    target: *orders
                    checks: { freshness: { maxAge: 26h } }
                """;
        assertThatThrownBy(() -> parser.parse(text, "plan.yaml", Path.of("/plans")))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(12);
                    assertThat(e.problem()).contains("alias").contains("*orders");
                });
    }

    @Test
    void aNumberWhereAValueWithAUnitBelongsSaysWhatIsExpected() {
        refused("quota: 2TiB", "quota: 0.5", "backupSets[0].checks.capacity.quota", 10, "a size");
        refused("maxAge: 26h", "maxAge: 26", "backupSets[0].checks.freshness.maxAge", 6, "a duration");
    }
}
