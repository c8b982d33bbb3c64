package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanParserTest {
    private static final String VALID = """
            backupSets:
              - name: orders-db
                target: { type: local, path: /srv/backups/orders }
                layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd'T'HHmm}" }
                checks:
                  freshness:    { maxAge: 26h }
                  completeness: { required: [orders.dump], minFiles: 1, maxShrink: 20% }
                  integrity:    { manifest: SHA256SUMS, sample: 100% }
            """;

    private final PlanParser parser = new PlanParser();

    @Test
    void readsTheDocumentedExample() throws PlanException {
        Plan plan = parse(VALID);

        assertThat(plan.timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(plan.backupSets()).hasSize(1);
        BackupSetSpec set = plan.backupSets().get(0);
        assertThat(set.name()).isEqualTo("orders-db");
        assertThat(set.target()).isEqualTo(new LocalTargetSpec("/srv/backups/orders"));
        assertThat(set.layout().kind()).isEqualTo(LayoutKind.DIRECTORY_PER_BACKUP);
        assertThat(set.layout().namePattern()).isEqualTo("orders-{yyyy-MM-dd'T'HHmm}");
        assertThat(set.checks().freshness().maxAge().duration()).isEqualTo(Duration.ofHours(26));
        assertThat(set.checks().completeness().required()).containsExactly("orders.dump");
        assertThat(set.checks().completeness().minFiles()).isEqualTo(1);
        assertThat(set.checks().completeness().maxShrink().value()).isEqualTo(20.0);
        assertThat(set.checks().integrity().manifest()).isEqualTo("SHA256SUMS");
        assertThat(set.checks().integrity().sample().value()).isEqualTo(100.0);
        assertThat(set.checks().integrity().scope()).isEqualTo(IntegrityScope.LATEST);
    }

    @Test
    void readsTheTimezoneAndDefaultsTheLayout() throws PlanException {
        Plan plan = parse("""
                timezone: Europe/Berlin
                backupSets:
                  - name: a
                    target: { type: local, path: x }
                    checks: { freshness: { maxAge: 2w } }
                """);

        assertThat(plan.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(plan.backupSets().get(0).layout()).isEqualTo(LayoutSpec.DEFAULT);
    }

    @Test
    void namesTheLineAndKeyOfAnUnknownKey() {
        String typo = VALID.replace("maxAge: 26h", "maxAgee: 26h");

        assertThatThrownBy(() -> parse(typo)).isInstanceOfSatisfying(PlanException.class, e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.key()).isEqualTo("backupSets[0].checks.freshness.maxAgee");
            assertThat(e.getMessage()).startsWith("plan.yaml:6:").contains("unknown key 'maxAgee'")
                    .contains("known keys here: maxAge");
        });
    }

    @Test
    void rejectsAnUnknownCheck() {
        String typo = VALID.replace("integrity:", "integrty:");

        assertThatThrownBy(() -> parse(typo)).isInstanceOfSatisfying(PlanException.class, e -> {
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.getMessage()).contains("unknown key 'integrty'").contains("integrity");
        });
    }

    @Test
    void namesABadDuration() {
        assertThatThrownBy(() -> parse(VALID.replace("26h", "26 hours")))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.key()).isEqualTo("backupSets[0].checks.freshness.maxAge");
                    assertThat(e.problem()).contains("'26 hours' is not a duration");
                });
    }

    @Test
    void namesABadPercentage() {
        assertThatThrownBy(() -> parse(VALID.replace("maxShrink: 20%", "maxShrink: twenty")))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.problem()).contains("is not a percentage");
                });
    }

    @Test
    void namesAnUnknownTargetTypeAndAMissingOne() {
        assertThatThrownBy(() -> parse(VALID.replace("type: local", "type: floppy")))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).contains("unknown target type 'floppy'");
                });
        assertThatThrownBy(() -> parse(VALID.replace("type: local, ", "")))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.problem()).contains("'type'"));
    }

    @Test
    void namesABadLayoutKind() {
        assertThatThrownBy(() -> parse(VALID.replace("directory-per-backup", "folder")))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.problem()).contains("'folder' is not a layout kind")
                            .contains("directory-per-backup, file-per-backup");
                });
    }

    @Test
    void requiresChecksAndAMaxAge() {
        assertThatThrownBy(() -> parse("""
                backupSets:
                  - name: a
                    target: { type: local, path: x }
                """)).isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.key()).isEqualTo("backupSets[0].checks");
                    assertThat(e.problem()).contains("no checks configured");
                });
        assertThatThrownBy(() -> parse("""
                backupSets:
                  - name: a
                    target: { type: local, path: x }
                    checks:
                      freshness: {}
                """)).isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.key()).isEqualTo("backupSets[0].checks.freshness.maxAge");
                });
    }

    @Test
    void rejectsDuplicateSetNamesAndDuplicateKeys() {
        assertThatThrownBy(() -> parse(VALID + VALID.substring(VALID.indexOf("  - name"))))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.problem()).contains("used by another backup set");
                });
        assertThatThrownBy(() -> parse(VALID.replace("      freshness:    { maxAge: 26h }",
                "      freshness:    { maxAge: 26h, maxAge: 2h }")))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.problem()).contains("maxAge"));
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> parse(VALID.replace("sample: 100%", "sample: 0%")))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.key()).isEqualTo("backupSets[0].checks.integrity.sample");
                    assertThat(e.line()).isEqualTo(8);
                });
        assertThatThrownBy(() -> parse(VALID.replace("minFiles: 1", "minFiles: -1")))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.problem()).contains("negative"));
        assertThatThrownBy(() -> parse(VALID.replace("minFiles: 1", "minFiles: many")))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.key()).isEqualTo("backupSets[0].checks.completeness.minFiles");
                    assertThat(e.problem()).contains("whole number");
                });
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        assertThatThrownBy(() -> parse("backupSets:\n  - name: [unclosed\n"))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.line()).isGreaterThan(0));
    }

    @Test
    void rejectsEmptyPlansAndBadZones() {
        assertThatThrownBy(() -> parse("   \n")).hasMessageContaining("the plan is empty");
        assertThatThrownBy(() -> parse("backupSets: []\n")).hasMessageContaining("at least one backup set");
        assertThatThrownBy(() -> parse("timezone: Mars/Olympus\n" + VALID))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.problem()).contains("not a time zone");
                });
    }

    @Test
    void readsFilesAndNamesMissingOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, VALID);

        Plan plan = parser.parse(file);

        assertThat(plan.baseDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(plan.source()).isEqualTo(file.toString());
        assertThatThrownBy(() -> parser.parse(dir.resolve("absent.yaml")))
                .hasMessageContaining("absent.yaml").hasMessageContaining("no such plan file");
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> parser.parse(dir.resolve("latin1.yaml"))).hasMessageContaining("not UTF-8");
    }

    private Plan parse(String text) throws PlanException {
        return parser.parse(text, "plan.yaml", Path.of("/plans"));
    }
}
