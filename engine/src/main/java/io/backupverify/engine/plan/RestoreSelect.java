package io.backupverify.engine.plan;

import java.util.Map;

/**
 * Which backup a restore test restores: the newest, the oldest still kept, or one picked at random among those
 * taken within a period before the run ({@code random-within: 30d}), seeded by the run number so that a run can
 * be repeated.
 */
public record RestoreSelect(Mode mode, DurationValue within) {
    public static final RestoreSelect LATEST = new RestoreSelect(Mode.LATEST, null);

    /** How the backup is chosen. */
    public enum Mode { LATEST, OLDEST_KEPT, RANDOM_WITHIN }

    public static RestoreSelect of(Object value) {
        if ("latest".equals(value)) {
            return LATEST;
        }
        if ("oldest-kept".equals(value)) {
            return new RestoreSelect(Mode.OLDEST_KEPT, null);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("random-within") != null) {
            DurationValue within = DurationValue.parse(String.valueOf(map.get("random-within")));
            if (within.duration().isZero()) {
                throw new IllegalArgumentException("random-within must be more than 0");
            }
            return new RestoreSelect(Mode.RANDOM_WITHIN, within);
        }
        throw new IllegalArgumentException("select is latest, oldest-kept or { random-within: 30d }, not '"
                + value + "'");
    }

    @Override
    public String toString() {
        return switch (mode) {
            case LATEST -> "latest";
            case OLDEST_KEPT -> "oldest-kept";
            case RANDOM_WITHIN -> "random-within " + within;
        };
    }
}
