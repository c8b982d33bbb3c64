package io.backupverify.engine.audit;

import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Capacity per target over the period and a forecast: a least-squares line of used bytes over time gives the dates
 * at which {@code warnAt} and 100% of the target's latest size are reached. With fewer than {@value #MIN_POINTS}
 * points, or points within less than a day, the forecast says so instead of giving a date.
 */
final class CapacityReview implements RunReview {
    static final int MIN_POINTS = 5;
    static final double MIN_SPAN_DAYS = 1;

    private final Period period;
    private final FindingList findings;
    private final List<TimedValue> bytesVerified = new ArrayList<>();
    /** Per target, each run's time (epoch ms), used bytes and total bytes. */
    private final Map<String, List<double[]>> perTarget = new LinkedHashMap<>();

    CapacityReview(Period period, FindingList findings) {
        this.period = period;
        this.findings = findings;
    }

    @Override
    public void verify(RunRecord run) {
        double bytes = 0;
        boolean any = false;
        Set<String> seen = new HashSet<>();
        for (SetRecord set : run.sets()) {
            Optional<CheckRecord> integrity = set.check("integrity");
            if (integrity.isPresent() && integrity.get().number("verifiedBytes").isPresent()) {
                bytes += integrity.get().number("verifiedBytes").getAsDouble();
                any = true;
            }
            Optional<CheckRecord> capacity = set.check("capacity");
            if (capacity.isEmpty() || !seen.add(set.target())) {
                continue;
            }
            OptionalDouble used = capacity.get().number("usedBytes");
            if (used.isEmpty() || used.getAsDouble() < 0) {
                continue;
            }
            double total = capacity.get().number("totalBytes").orElse(0);
            perTarget.computeIfAbsent(set.target(), target -> new ArrayList<>())
                    .add(new double[] {run.startedAt().toEpochMilli(), used.getAsDouble(), total});
        }
        if (any) {
            bytesVerified.add(new TimedValue(run.startedAt(), bytes));
        }
    }

    /** Bytes verified by integrity in each verify run, for the chart. */
    List<TimedValue> bytesVerified() {
        return bytesVerified;
    }

    List<CapacityTrend> review() {
        List<CapacityTrend> trends = new ArrayList<>();
        perTarget.forEach((target, points) -> trends.add(trend(target, points)));
        return trends;
    }

    private CapacityTrend trend(String target, List<double[]> points) {
        double warnAt = period.spec().capacity().warnAt().value();
        List<TimedValue> used = points.stream()
                .map(p -> new TimedValue(Instant.ofEpochMilli((long) p[0]), p[1])).toList();
        double[] latest = points.get(points.size() - 1);
        long total = (long) latest[2];
        double percent = total > 0 ? 100 * latest[1] / total : -1;
        double[] x = used.stream().mapToDouble(point -> period.days(point.at())).toArray();
        double[] y = used.stream().mapToDouble(TimedValue::value).toArray();
        LinearFit fit = LinearFit.of(x, y).orElse(null);
        double span = x[x.length - 1] - x[0];
        Instant warnDate = null;
        Instant fullDate = null;
        String forecast;
        if (points.size() < MIN_POINTS || span < MIN_SPAN_DAYS || fit == null) {
            forecast = "too few points for a forecast (" + points.size() + " measurement"
                    + (points.size() == 1 ? "" : "s") + " over " + String.format(Locale.ROOT, "%.1f", span)
                    + " days; at least " + MIN_POINTS + " over a day or more are needed)";
            fit = points.size() < MIN_POINTS ? null : fit;
        } else if (total <= 0) {
            forecast = "the target's size is unknown, so no date can be forecast; growth "
                    + AuditText.bytes(fit.slope()) + " per day";
        } else if (fit.slope() <= 0) {
            forecast = "usage is not growing (" + AuditText.bytes(-fit.slope()) + " per day less), so neither "
                    + AuditText.percent(warnAt) + " nor 100% is forecast";
        } else {
            warnDate = reach(fit, total * warnAt / 100, latest[1]);
            fullDate = reach(fit, total, latest[1]);
            forecast = "growing " + AuditText.bytes(fit.slope()) + " per day (fit " + fit.quality() + ", r\u00b2 "
                    + String.format(Locale.ROOT, "%.2f", fit.r2()) + ", " + fit.points() + " points): "
                    + AuditText.percent(warnAt) + " " + when(warnDate) + ", 100% " + when(fullDate);
        }
        CapacityTrend trend = new CapacityTrend(target, used, total, percent, fit, warnAt, warnDate, fullDate,
                forecast);
        report(trend);
        return trend;
    }

    /** The date the line reaches a level; the latest run's time when the latest measurement is already there. */
    private Instant reach(LinearFit fit, double level, double latestUsed) {
        if (latestUsed >= level) {
            return period.end();
        }
        Instant at = period.instantAt(fit.whenReaches(level));
        return at.isBefore(period.end()) ? period.end() : at;
    }

    private String when(Instant date) {
        return date.equals(period.end()) ? "already reached" : "around " + AuditText.day(date);
    }

    private void report(CapacityTrend trend) {
        String target = trend.target();
        List<String> evidence = List.of("latest: " + AuditText.bytes(trend.usedBytes().get(trend.usedBytes().size() - 1)
                .value()) + " used" + (trend.totalBytes() > 0 ? " of " + AuditText.bytes(trend.totalBytes()) + " ("
                        + AuditText.percent(trend.latestPercent()) + ")" : ""), "forecast: " + trend.forecast());
        String action = "Free or add space on " + target + " (prune what the retention policy allows, move old "
                + "backups to cheaper storage, or raise the quota) before it fills; a full target makes new backups "
                + "fail.";
        Instant horizon = period.end().plus(period.spec().period().duration());
        boolean trusted = trend.fit() != null && !trend.fit().quality().equals("poor");
        if (trend.latestPercent() >= 100) {
            findings.add(Severity.CRITICAL, "capacity-forecast", "capacity", target, target + " is full", evidence,
                    action);
        } else if (trend.latestPercent() >= trend.warnAt()) {
            findings.add(Severity.WARNING, "capacity-forecast", "capacity", target, target + " is "
                    + AuditText.percent(trend.latestPercent()) + " full, above the audit's "
                    + AuditText.percent(trend.warnAt()), evidence, action);
            if (trusted && trend.fullDate() != null && trend.fullDate().isBefore(horizon)) {
                findings.add(Severity.CRITICAL, "capacity-forecast", "capacity", target, target
                        + " is forecast to be full around " + AuditText.day(trend.fullDate()), evidence, action);
            }
        } else if (trend.warnDate() != null && trend.warnDate().isBefore(horizon)) {
            findings.add(trusted ? Severity.WARNING : Severity.INFO, "capacity-forecast", "capacity", target, target
                    + " is forecast to reach " + AuditText.percent(trend.warnAt()) + " around "
                    + AuditText.day(trend.warnDate()) + (trusted ? "" : " (poor fit; watch it)"), evidence, action);
        }
    }
}
