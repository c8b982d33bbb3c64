package io.backupverify.engine.summary;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.run.SetResult;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Reads numeric metrics that other checks publish, tolerating absent, malformed or negative values. */
final class CheckMetrics {
    static final String CAPACITY = "capacity";
    static final String INTEGRITY = "integrity";

    private CheckMetrics() {
    }

    static Optional<CheckResult> check(SetResult set, String id) {
        return set.checks().stream().filter(check -> check.id().equals(id)).findFirst();
    }

    static OptionalLong wholeNumber(CheckResult check, String metric) {
        OptionalDouble value = number(check, metric);
        if (value.isEmpty() || value.getAsDouble() < 0 || value.getAsDouble() > Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) value.getAsDouble());
    }

    static OptionalDouble number(CheckResult check, String metric) {
        Object value = check.metrics().get(metric);
        double number;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof String text) {
            try {
                number = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        } else {
            return OptionalDouble.empty();
        }
        return Double.isFinite(number) ? OptionalDouble.of(number) : OptionalDouble.empty();
    }
}
