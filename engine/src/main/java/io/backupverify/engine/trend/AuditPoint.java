package io.backupverify.engine.trend;

/**
 * One audit on a trend chart: the few numbers a build keeps of its audit.
 *
 * @param successRatePercent the overall success rate of the audited period, 0–100, or -1 when it had no runs
 * @param minPercent         the success rate the audit required, or -1 when not known
 * @param critical           critical findings
 * @param warning            warnings
 * @param info               notes
 */
public record AuditPoint(double successRatePercent, double minPercent, int critical, int warning, int info) {
}
