package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How YAML values are read into the plan: what each kind of value accepts, and where a wrong one is named. */
class PlanBindingTest {
    private static final String PLAN = """
            backupSets:
              - name: orders
                target: { type: local, path: /srv/backups/orders }
                offsite: OFFSITE
                checks:
                  freshness: { maxAge: MAX_AGE }
                  retention: { keepDaily: KEEP_DAILY }
            """;

    private static Plan parse(String offsite, String maxAge, String keepDaily) throws PlanException {
        return new PlanParser().parse(PLAN.replace("OFFSITE", offsite).replace("MAX_AGE", maxAge)
                .replace("KEEP_DAILY", keepDaily), "plan.yaml", Path.of("/plans"));
    }

    @ParameterizedTest
    @CsvSource({"yes,true", "no,false", "true,true", "off,false", "'\"true\"',true", "1,true", "0,false"})
    void readsTruthAsYamlWritesIt(String written, boolean read) throws PlanException {
        assertThat(parse(written, "26h", "7").backupSets().get(0).offsite()).isEqualTo(read);
    }

    @ParameterizedTest
    @CsvSource({"7,7", "'\"7\"',7", "0x10,16", "1_000,1000", "+3,3"})
    void readsWholeNumbersAsYamlWritesThem(String written, int read) throws PlanException {
        assertThat(parse("no", "26h", written).backupSets().get(0).checks().retention().keepDaily()).isEqualTo(read);
    }

    @Test
    void aDurationWrittenAsAMapIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> parse("no", "{}", "7")).isInstanceOfSatisfying(PlanException.class, e -> {
            assertThat(e.key()).isEqualTo("backupSets[0].checks.freshness.maxAge");
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.problem()).isEqualTo("expected a duration such as 26h");
        });
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefused() {
        assertThatThrownBy(() -> parse("no", "26h", "1.5")).isInstanceOfSatisfying(PlanException.class, e -> {
            assertThat(e.key()).isEqualTo("backupSets[0].checks.retention.keepDaily");
            assertThat(e.problem()).isEqualTo("expected a whole number");
        });
    }

    @Test
    void aWrongValueOfAKnownKeyIsNamedBeforeAnUnknownKeyBesideIt() {
        assertThatThrownBy(() -> parse("no", "26h", "soon, keepDayly: 3")).isInstanceOfSatisfying(
                PlanException.class, e -> assertThat(e.key()).isEqualTo("backupSets[0].checks.retention.keepDaily"));
        assertThatThrownBy(() -> parse("no", "26h, maxAgee: 3h", "7")).isInstanceOfSatisfying(PlanException.class,
                e -> assertThat(e.getMessage()).isEqualTo("plan.yaml:6:33: backupSets[0].checks.freshness.maxAgee: "
                        + "unknown key 'maxAgee'; known keys here: maxAge"));
    }
}
