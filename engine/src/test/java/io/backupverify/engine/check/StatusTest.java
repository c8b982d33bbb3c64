package io.backupverify.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTest {
    @Test
    void errorIsNeverFoldedIntoPass() {
        assertThat(Status.worstOf(List.of(Status.PASS, Status.ERROR, Status.PASS), Status.PASS))
                .isEqualTo(Status.ERROR);
        assertThat(Status.worstOf(List.of(Status.FAIL, Status.ERROR), Status.PASS)).isEqualTo(Status.ERROR);
        assertThat(Status.worstOf(List.of(Status.WARN, Status.PASS), Status.PASS)).isEqualTo(Status.WARN);
    }

    @Test
    void exitCodesAreDocumentedOnes() {
        assertThat(List.of(Status.values())).extracting(Status::exitCode).containsExactly(0, 1, 2, 3);
    }

    @Test
    void findingsCanOnlyWorsenAnExplicitStatus() {
        CheckResult result = CheckResult.builder("x").status(Status.PASS).finding(Finding.fail("a", "bad")).build();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(CheckResult.builder("x").status(Status.ERROR).finding(Finding.warn("a", "meh")).build().status())
                .isEqualTo(Status.ERROR);
        assertThat(CheckResult.builder("x").build().status()).isEqualTo(Status.PASS);
    }
}
