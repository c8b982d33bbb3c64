package io.backupverify.engine.audit;

import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Slow backups: per set, the duration of each backup the window check measured (once per backup, however many
 * runs saw it), a least-squares line through them, and a warning when the fitted duration grew by at least
 * {@value #GROWTH_PERCENT}% over the period with a fit that explains at least half the variation.
 */
final class DurationReview implements RunReview {
    static final int MIN_POINTS = 4;
    static final double GROWTH_PERCENT = 20;
    static final double MIN_R2 = 0.5;

    private final Period period;
    private final FindingList findings;
    /** Per set, each backup's duration (the latest measurement of it). */
    private final Map<String, Map<String, Measured>> perSet = new LinkedHashMap<>();
    private final Map<String, Double> maxDuration = new LinkedHashMap<>();

    DurationReview(Period period, FindingList findings) {
        this.period = period;
        this.findings = findings;
    }

    @Override
    public void verify(RunRecord run) {
        for (SetRecord set : run.sets()) {
            Optional<CheckRecord> window = set.check("window");
            if (window.isEmpty()) {
                continue;
            }
            OptionalDouble seconds = window.get().number("latestDurationSeconds");
            if (seconds.isEmpty()) {
                continue;
            }
            String start = window.get().text("latestStart");
            String backup = window.get().text("latestBackup");
            Measured measured = new Measured(start, run.startedAt(), seconds.getAsDouble());
            perSet.computeIfAbsent(set.name(), name -> new LinkedHashMap<>())
                    .put(backup == null ? measured.at().toString() : backup, measured);
            window.get().number("maxDurationSeconds").ifPresent(max -> maxDuration.put(set.name(), max));
        }
    }

    List<DurationTrend> review() {
        List<DurationTrend> trends = new ArrayList<>();
        for (Map.Entry<String, Map<String, Measured>> entry : perSet.entrySet()) {
            List<TimedValue> points = entry.getValue().values().stream().map(Measured::point)
                    .sorted((a, b) -> a.at().compareTo(b.at())).toList();
            trends.add(trend(entry.getKey(), points, maxDuration.get(entry.getKey())));
        }
        return trends;
    }

    private DurationTrend trend(String set, List<TimedValue> points, Double maxSeconds) {
        double[] x = points.stream().mapToDouble(point -> period.days(point.at())).toArray();
        double[] y = points.stream().mapToDouble(TimedValue::value).toArray();
        LinearFit fit = LinearFit.of(x, y).orElse(null);
        if (fit == null || points.size() < MIN_POINTS) {
            return new DurationTrend(set, points, fit, 0, false);
        }
        double first = fit.at(x[0]);
        double last = fit.at(x[x.length - 1]);
        double growth = first > 0 ? 100 * (last - first) / first : 0;
        boolean slowing = fit.slope() > 0 && growth >= GROWTH_PERCENT && fit.r2() >= MIN_R2;
        if (slowing) {
            List<String> evidence = new ArrayList<>();
            evidence.add(points.size() + " backups from " + AuditText.day(points.get(0).at()) + " to "
                    + AuditText.day(points.get(points.size() - 1).at()) + ": fitted duration "
                    + AuditText.seconds(first) + " \u2192 " + AuditText.seconds(last) + " (+"
                    + AuditText.percent(growth) + ", " + AuditText.seconds(fit.slope()) + " longer per day, r\u00b2 "
                    + String.format(java.util.Locale.ROOT, "%.2f", fit.r2()) + ")");
            if (maxSeconds != null && last < maxSeconds) {
                Instant reach = period.instantAt(fit.whenReaches(maxSeconds));
                evidence.add("at this rate the backups exceed maxDuration " + AuditText.seconds(maxSeconds)
                        + " around " + AuditText.day(reach));
            }
            findings.add(Severity.WARNING, "slow-backup", set, "Backups of " + set + " are getting slower (+"
                    + AuditText.percent(growth) + " over the period)", evidence, "Find out what makes the backup "
                    + "of " + set + " slower (data growth, a slower link or disk, contention in the window) and act "
                    + "before it overruns its window: incremental backups, a longer window or faster storage.");
        }
        return new DurationTrend(set, points, fit, growth, slowing);
    }

    private static Instant parse(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /**
     * One backup's measured duration; its start is parsed from the recorded text only for the measurements kept (the
     * latest of each backup), or is the run's start when it has none.
     */
    private record Measured(String startText, Instant runStart, double seconds) {
        Instant at() {
            return parse(startText, runStart);
        }

        TimedValue point() {
            return new TimedValue(at(), seconds);
        }
    }
}
