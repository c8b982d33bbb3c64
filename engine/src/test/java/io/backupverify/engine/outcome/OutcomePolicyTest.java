package io.backupverify.engine.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.Status;
import org.junit.jupiter.api.Test;

class OutcomePolicyTest {
    @Test
    void defaultsMakeWarnUnstableAndFailOrErrorAFailure() {
        OutcomePolicy policy = OutcomePolicy.defaults();

        assertThat(policy.outcomeOf(Status.PASS)).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(policy.outcomeOf(Status.WARN)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(policy.outcomeOf(Status.FAIL)).isEqualTo(BuildOutcome.FAILURE);
        assertThat(policy.outcomeOf(Status.ERROR)).isEqualTo(BuildOutcome.FAILURE);
    }

    @Test
    void failOnErrorLeavesFailUnstable() {
        OutcomePolicy policy = OutcomePolicy.parse("warn", "ERROR");

        assertThat(policy.outcomeOf(Status.WARN)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(policy.outcomeOf(Status.FAIL)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(policy.outcomeOf(Status.ERROR)).isEqualTo(BuildOutcome.FAILURE);
    }

    @Test
    void unstableOnFailLetsWarningsSucceed() {
        OutcomePolicy policy = OutcomePolicy.of(Status.FAIL, Status.FAIL);

        assertThat(policy.outcomeOf(Status.WARN)).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(policy.outcomeOf(Status.FAIL)).isEqualTo(BuildOutcome.FAILURE);
    }

    @Test
    void anErrorFailsTheBuildWhateverTheThresholds() {
        for (Status unstable : new Status[] {Status.WARN, Status.FAIL, Status.ERROR}) {
            for (Status fail : new Status[] {Status.WARN, Status.FAIL, Status.ERROR}) {
                if (!unstable.isWorseThan(fail)) {
                    assertThat(OutcomePolicy.of(unstable, fail).outcomeOf(Status.ERROR))
                            .as("unstableOn %s failOn %s", unstable, fail)
                            .isEqualTo(BuildOutcome.FAILURE);
                }
            }
        }
    }

    @Test
    void blankMeansDefault() {
        assertThat(OutcomePolicy.parse(" ", null)).isEqualTo(OutcomePolicy.defaults());
    }

    @Test
    void passIsNoThreshold() {
        assertThatThrownBy(() -> OutcomePolicy.parse("PASS", "FAIL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unstableOn");
        assertThatThrownBy(() -> OutcomePolicy.parse("WARN", "pass"))
                .hasMessageContaining("failOn");
    }

    @Test
    void unknownNamesAreNamed() {
        assertThatThrownBy(() -> OutcomePolicy.parse("WARNING", "FAIL"))
                .hasMessage("unstableOn is 'WARNING'; use one of WARN, FAIL or ERROR");
    }

    @Test
    void unstableMustNotBeWorseThanFail() {
        assertThatThrownBy(() -> OutcomePolicy.parse("ERROR", "WARN"))
                .hasMessageContaining("unstableOn (ERROR) must not be worse than failOn (WARN)");
    }
}
