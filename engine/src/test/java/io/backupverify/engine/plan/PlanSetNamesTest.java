package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanSetNamesTest {
    private static final String TWO_SETS = """
            backupSets:
              - name: orders-db
                target: { type: local, path: a }
                checks: { freshness: { maxAge: 26h } }
              - name: media
                target: { type: local, path: b }
                checks: { freshness: { maxAge: 26h } }
            """;

    private final Plan plan = parse();

    private static Plan parse() {
        try {
            return new PlanParser().parse(TWO_SETS, "plan.yaml", Path.of("."));
        } catch (PlanException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void knownNamesAndNoNamesAreAccepted() {
        assertThatCode(() -> plan.requireSets(List.of("media", "orders-db"))).doesNotThrowAnyException();
        assertThatCode(() -> plan.requireSets(List.of())).doesNotThrowAnyException();
    }

    @Test
    void unknownNamesAreNamedWithThePlansSets() {
        assertThatThrownBy(() -> plan.requireSets(List.of("orders-db", "ledger", "Media")))
                .isInstanceOf(PlanException.class)
                .hasMessage("plan.yaml: no backup set named 'ledger', 'Media'; the plan has: orders-db, media");
    }
}
