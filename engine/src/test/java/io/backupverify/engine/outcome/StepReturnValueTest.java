package io.backupverify.engine.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.testing.SampleRuns;
import io.backupverify.engine.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepReturnValueTest {
    @Test
    void carriesStatusOutcomeCountsAndSets() {
        Map<String, Object> value = StepReturnValue.of(SampleRuns.mixed(), OutcomePolicy.defaults());

        assertThat(value).containsEntry("status", "FAIL")
                .containsEntry("outcome", "FAILURE")
                .containsEntry("exitCode", 2)
                .containsEntry("checks", Map.of("PASS", 4, "WARN", 1, "FAIL", 1, "ERROR", 0))
                .containsEntry("setCounts", Map.of("PASS", 1, "WARN", 1, "FAIL", 1, "ERROR", 0));
        @SuppressWarnings("unchecked")
        Map<String, Object> sets = (Map<String, Object>) value.get("sets");
        assertThat(sets).containsExactly(Map.entry("orders-db", "PASS"), Map.entry("media", "WARN"),
                Map.entry("ledger", "FAIL"));
    }

    @Test
    void anEmptyRunIsAnErrorThatFails() {
        RunResult empty = new RunResult("plan.yaml", 1, SampleRuns.START, SampleRuns.START, List.of());

        Map<String, Object> value = StepReturnValue.of(empty, OutcomePolicy.defaults());

        assertThat(value).containsEntry("status", "ERROR").containsEntry("outcome", "FAILURE");
    }

    @Test
    void holdsOnlyPlainSerializableJavaTypes() throws IOException {
        Map<String, Object> value = StepReturnValue.of(SampleRuns.mixed(), OutcomePolicy.defaults());

        assertPlain(value);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(value);
        }
    }

    private static void assertPlain(Object value) {
        if (value instanceof Map<?, ?> map) {
            assertThat(map.getClass().getName()).startsWith("java.util.");
            map.forEach((key, inner) -> {
                assertThat(key).isInstanceOf(String.class);
                assertPlain(inner);
            });
        } else {
            assertThat(value).isInstanceOfAny(String.class, Integer.class);
        }
    }
}
