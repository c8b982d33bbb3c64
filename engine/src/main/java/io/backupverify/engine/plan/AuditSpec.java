package io.backupverify.engine.plan;

import java.util.List;

/**
 * The {@code audit:} section: what a periodic audit of the recorded history expects. Every key is optional; the
 * defaults are those of {@link #defaults()}.
 *
 * @param period       how far back the audit looks (30d)
 * @param successRate  the least share of successful runs per set and overall (98%)
 * @param capacity     the usage share that needs attention, for the forecast (80%)
 * @param restoreTests how many restore tests each set needs per period, and the RTO; absent: not required
 * @param coverage     within how long every listed file must have been read (the period)
 * @param inventory    the systems that must have a backup set; empty: not checked
 * @param escalation   who is told, per severity
 * @param frameworks   the compliance frameworks the report maps to; empty: all
 */
public record AuditSpec(DurationValue period, SuccessRateSpec successRate, AuditCapacitySpec capacity,
        RestoreTestsSpec restoreTests, AuditCoverageSpec coverage, List<String> inventory, EscalationSpec escalation,
        List<String> frameworks) {
    public static final DurationValue DEFAULT_PERIOD = DurationValue.parse("30d");
    /** The framework ids a plan may name. */
    public static final List<String> FRAMEWORKS = List.of("nist-800-53", "iso-27001", "hipaa", "pci-dss", "gdpr",
            "soc2");

    public AuditSpec {
        period = period == null ? DEFAULT_PERIOD : period;
        successRate = successRate == null ? new SuccessRateSpec(null) : successRate;
        capacity = capacity == null ? new AuditCapacitySpec(null) : capacity;
        coverage = coverage == null ? new AuditCoverageSpec(null) : coverage;
        inventory = inventory == null ? List.of() : inventory;
        escalation = escalation == null ? new EscalationSpec(null, null, null) : escalation;
        frameworks = frameworks == null || frameworks.isEmpty() ? FRAMEWORKS : frameworks;
    }

    public static AuditSpec defaults() {
        return new AuditSpec(null, null, null, null, null, null, null, null);
    }

    /** Coverage must be complete within this long: {@code coverage.fullWithin}, else the period. */
    public DurationValue fullWithin() {
        return coverage.fullWithin() == null ? period : coverage.fullWithin();
    }

    /** {@code successRate: { min: 98% }}. */
    public record SuccessRateSpec(Percentage min) {
        public static final Percentage DEFAULT_MIN = new Percentage(98);

        public SuccessRateSpec {
            min = min == null ? DEFAULT_MIN : min;
        }
    }

    /** {@code capacity: { warnAt: 80% }}. */
    public record AuditCapacitySpec(Percentage warnAt) {
        public AuditCapacitySpec {
            warnAt = warnAt == null ? CapacitySpec.DEFAULT_WARN_AT : warnAt;
        }
    }

    /**
     * {@code restoreTests: { atLeast: 1, per: 30d, rto: 45m }}: each set needs at least {@code atLeast} restore
     * tests in every {@code per} (default: the period), each finished within {@code rto} when one is given.
     */
    public record RestoreTestsSpec(Integer atLeast, DurationValue per, DurationValue rto) {
        public RestoreTestsSpec {
            atLeast = atLeast == null ? 1 : atLeast;
        }
    }

    /** {@code coverage: { fullWithin: 30d }}. */
    public record AuditCoverageSpec(DurationValue fullWithin) {
    }

    /** Who is told about a finding of each severity. */
    public record EscalationSpec(String critical, String warning, String info) {
        public static final String DEFAULT_CRITICAL = "on-call engineer, now";
        public static final String DEFAULT_WARNING = "team lead, within a week";
        public static final String DEFAULT_INFO = "backup owner, at the next review";

        public EscalationSpec {
            critical = critical == null ? DEFAULT_CRITICAL : critical;
            warning = warning == null ? DEFAULT_WARNING : warning;
            info = info == null ? DEFAULT_INFO : info;
        }
    }
}
