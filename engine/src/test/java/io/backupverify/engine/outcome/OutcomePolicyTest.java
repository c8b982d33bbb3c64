package io.backupverify.engine.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.Status;
import java.util.ArrayList;
import java.util.List;
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
        for (OutcomePolicy policy : everyPolicy()) {
            assertThat(policy.outcomeOf(Status.ERROR)).as("%s", policy).isEqualTo(BuildOutcome.FAILURE);
        }
    }

    @Test
    void aFailIsNeverASuccessWhateverTheThresholds() {
        for (OutcomePolicy policy : everyPolicy()) {
            assertThat(policy.outcomeOf(Status.FAIL)).as("%s", policy).isNotEqualTo(BuildOutcome.SUCCESS);
        }
    }

    /** Every pair of thresholds that is allowed. */
    private static List<OutcomePolicy> everyPolicy() {
        List<OutcomePolicy> policies = new ArrayList<>();
        for (Status unstable : Status.values()) {
            for (Status fail : Status.values()) {
                try {
                    policies.add(OutcomePolicy.of(unstable, fail));
                } catch (IllegalArgumentException refused) {
                    // not a policy anyone can set
                }
            }
        }
        assertThat(policies).hasSize(5);
        return policies;
    }

    @Test
    void unstableOnErrorIsRefusedForItWouldLetAFailSucceed() {
        assertThatThrownBy(() -> OutcomePolicy.parse("ERROR", "ERROR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unstableOn must be WARN or FAIL, not ERROR");
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
        assertThatThrownBy(() -> OutcomePolicy.parse("FAIL", "WARN"))
                .hasMessageContaining("unstableOn (FAIL) must not be worse than failOn (WARN)");
    }
}
