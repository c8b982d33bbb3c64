package io.backupverify.engine.history;

import io.backupverify.engine.check.Status;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One check of one set in one recorded run: its verdict and the few numbers an audit needs.
 *
 * @param summary the check's summary when it did not pass (evidence for findings), else empty
 * @param values  selected metrics: numbers, and a few short texts such as the newest backup's id
 */
public record CheckRecord(String id, Status status, long durationMs, String summary, Map<String, Object> values) {
    public CheckRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
        values = Map.copyOf(values);
    }

    public OptionalDouble number(String name) {
        Object value = values.get(name);
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return OptionalDouble.of(number.doubleValue());
        }
        return OptionalDouble.empty();
    }

    /** A text value, or null. */
    public String text(String name) {
        Object value = values.get(name);
        return value instanceof String text ? text : null;
    }
}
