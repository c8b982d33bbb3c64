package io.backupverify.engine.plan;


/**
 * Used space on the target against {@code quota} (or the file system's size when no quota is given): WARN from
 * {@code warnAt}, FAIL from {@code failAt}. Growth is estimated from the backups taken within {@code growthWindow}
 * before the newest one. {@code measure} is {@code filesystem} (the target's used space, the default) or
 * {@code backups} (the sum of this set's backups, which needs a {@code quota}).
 */
public record CapacitySpec(ByteSize quota, Percentage warnAt, Percentage failAt, DurationValue growthWindow,
        CapacityMeasure measure) {
    public static final Percentage DEFAULT_WARN_AT = new Percentage(80);
    public static final Percentage DEFAULT_FAIL_AT = new Percentage(95);
    public static final DurationValue DEFAULT_GROWTH_WINDOW = DurationValue.parse("30d");

    public CapacitySpec {
        measure = measure == null ? CapacityMeasure.FILESYSTEM : measure;
        warnAt = warnAt == null ? DEFAULT_WARN_AT : warnAt;
        failAt = failAt == null ? DEFAULT_FAIL_AT : failAt;
        growthWindow = growthWindow == null ? DEFAULT_GROWTH_WINDOW : growthWindow;
    }

    public CapacitySpec(ByteSize quota, Percentage warnAt, Percentage failAt, DurationValue growthWindow) {
        this(quota, warnAt, failAt, growthWindow, null);
    }
}
