package io.backupverify.engine.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check concluded for one backup set.
 *
 * <p>Metric values are numbers, strings, booleans, or lists and maps of those, so that every report format
 * can carry them as they are.
 */
public final class CheckResult {
    private final String id;
    private final Status status;
    private final String summary;
    private final List<Finding> findings;
    private final Map<String, Object> metrics;
    private final long durationMs;
    private final FileCoverage coverage;

    private CheckResult(Builder builder) {
        this.id = builder.id;
        this.status = builder.status();
        this.summary = builder.summary;
        this.findings = List.copyOf(builder.findings);
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(builder.metrics));
        this.durationMs = builder.durationMs;
        this.coverage = builder.coverage;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A check that could not be carried out. */
    public static CheckResult error(String id, String reason) {
        return builder(id).status(Status.ERROR).summary(reason).build();
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public String summary() {
        return summary;
    }

    public List<Finding> findings() {
        return findings;
    }

    public Map<String, Object> metrics() {
        return metrics;
    }

    public long durationMs() {
        return durationMs;
    }

    /** Which files this run listed and verified, when the check reads files; reports never carry it. */
    public Optional<FileCoverage> coverage() {
        return Optional.ofNullable(coverage);
    }

    /** A copy of this result that also records how long the check took. */
    public CheckResult withDuration(long millis) {
        Builder copy = copy();
        copy.durationMs = millis;
        return copy.build();
    }

    /** A copy of this result with those of the findings it does not already hold; its status worsens with them. */
    public CheckResult withFindings(List<Finding> more) {
        Builder copy = copy();
        for (Finding finding : more) {
            if (!findings.contains(finding)) {
                copy.findings.add(finding);
            }
        }
        return copy.build();
    }

    /** A copy of this result holding these findings instead of its own; its status stays what it was. */
    public CheckResult withFindingsReplaced(List<Finding> replaced) {
        Builder copy = copy();
        copy.findings.clear();
        copy.findings.addAll(replaced);
        return copy.build();
    }

    private Builder copy() {
        Builder copy = builder(id).summary(summary).status(status);
        copy.findings.addAll(findings);
        copy.metrics.putAll(metrics);
        copy.durationMs = durationMs;
        copy.coverage = coverage;
        return copy;
    }

    @Override
    public String toString() {
        return id + ": " + status + " (" + summary + ")";
    }

    /**
     * Collects findings and metrics. Unless a status is set explicitly, the status is the worst severity of the
     * findings, or PASS when there are none.
     */
    public static final class Builder {
        private final String id;
        private Status explicitStatus;
        private String summary = "";
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, Object> metrics = new LinkedHashMap<>();
        private long durationMs;
        private FileCoverage coverage;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder status(Status status) {
            this.explicitStatus = status;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = Objects.requireNonNull(summary, "summary");
            return this;
        }

        public Builder finding(Finding finding) {
            findings.add(finding);
            return this;
        }

        public Builder findings(List<Finding> more) {
            findings.addAll(more);
            return this;
        }

        public Builder metric(String name, Object value) {
            metrics.put(name, value);
            return this;
        }

        public Builder coverage(FileCoverage files) {
            this.coverage = files;
            return this;
        }

        /** Records that the set has no backup at all, which fails any check that needs one. */
        public Builder noBackupFound() {
            return finding(Finding.fail("(none)", "no backup found on the target")).summary("no backup found");
        }

        public List<Finding> currentFindings() {
            return Collections.unmodifiableList(findings);
        }

        /** The status as it stands: the explicit one if set, worsened by any finding. */
        public Status status() {
            Status fromFindings = Status.worstOf(findings.stream().map(Finding::severity).toList(), Status.PASS);
            return explicitStatus == null ? fromFindings : explicitStatus.worst(fromFindings);
        }

        public CheckResult build() {
            return new CheckResult(this);
        }
    }
}
