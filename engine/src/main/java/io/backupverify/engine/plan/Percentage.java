package io.backupverify.engine.plan;

import java.math.BigDecimal;

/** A percentage as written in a plan: {@code 20%}, {@code 0.5%}, {@code 100%}. */
public record Percentage(double value) {
    public Percentage {
        if (Double.isNaN(value) || value < 0) {
            throw new IllegalArgumentException("a percentage cannot be negative");
        }
    }

    public static Percentage parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.endsWith("%")) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage; write it with a % sign, such as 20%");
        }
        try {
            return new Percentage(new BigDecimal(trimmed.substring(0, trimmed.length() - 1).trim()).doubleValue());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage; write it with a % sign, such as 20%");
        }
    }

    /** The value as a fraction: 20% is 0.2. */
    public double fraction() {
        return value / 100.0;
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%";
    }
}
