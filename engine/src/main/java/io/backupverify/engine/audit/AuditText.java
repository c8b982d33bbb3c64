package io.backupverify.engine.audit;

import io.backupverify.engine.plan.ByteSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How audit numbers are written in findings and reports. */
public final class AuditText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AuditText() {
    }

    /** {@code 97.5%}: one decimal, trailing zero dropped. */
    public static String percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    public static String day(Instant instant) {
        return instant == null ? "-" : DAY.format(instant);
    }

    public static String time(Instant instant) {
        return instant == null ? "-" : MINUTE.format(instant);
    }

    public static String bytes(double bytes) {
        return ByteSize.format((long) Math.max(0, bytes));
    }

    /** Seconds as {@code 42m 10s}, {@code 3h 5m} or {@code 12s}. */
    public static String seconds(double seconds) {
        long total = Math.round(seconds);
        if (total < 60) {
            return total + "s";
        }
        if (total < 3600) {
            return total / 60 + "m" + (total % 60 == 0 ? "" : " " + total % 60 + "s");
        }
        return total / 3600 + "h" + (total % 3600 / 60 == 0 ? "" : " " + total % 3600 / 60 + "m");
    }
}
