package io.backupverify.engine.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks what the binder cannot: required keys, ranges, unique names. Stops at the first problem. */
final class PlanValidator {
    /** The most periods one retention tier may ask for (about 270 years of dailies). */
    static final int MAX_PERIODS = 100_000;
    /** The smallest integrity sample: one slice in 100,000 runs. */
    static final double MIN_SAMPLE_PERCENT = 0.001;

    private final String source;
    private final SourceLocations locations;

    PlanValidator(String source, SourceLocations locations) {
        this.source = source;
        this.locations = locations;
    }

    void validate(PlanDocument document) throws PlanException {
        if (document.version() != null && document.version() != 1) {
            throw problem("version", "plan format version " + document.version() + " is not supported; use 1");
        }
        List<BackupSetSpec> sets = document.backupSets();
        if (sets == null || sets.isEmpty()) {
            throw problem("backupSets", "the plan needs at least one backup set under backupSets");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sets.size(); i++) {
            String at = "backupSets[" + i + "]";
            BackupSetSpec set = sets.get(i);
            if (set == null) {
                throw problem(at, "empty backup set");
            }
            if (set.name() == null || set.name().isBlank()) {
                throw problem(at + ".name", "every backup set needs a name");
            }
            if (!names.add(set.name())) {
                throw problem(at + ".name", "the name '" + set.name() + "' is used by another backup set");
            }
            validateTarget(at + ".target", set.target());
            validateNamePattern(at + ".layout.namePattern", set.layout());
            if (set.restoreTest() == null || set.hasChecks()) {
                validateChecks(at + ".checks", set.checks());
            }
            if (set.restoreTest() != null) {
                RestoreTestValidator.validate(this, at + ".restoreTest", set.restoreTest());
                if (set.restoreTest().restore() instanceof ResticRestoreSpec
                        && !(set.target() instanceof ResticTargetSpec)) {
                    throw problem(at + ".restoreTest.restore.kind", "kind restic restores snapshots of a restic "
                            + "target; this set's target is " + set.target().type()
                            + " (restore its files with kind files or archive)");
                }
            }
            if (set.target() instanceof LocalTargetSpec && set.checks() != null && set.checks().integrity() != null
                    && set.checks().integrity().mode() == IntegrityMode.STORED) {
                throw problem(at + ".checks.integrity.mode", "a local folder keeps no checksums of its own; "
                        + "mode stored needs an object store target such as s3, use mode full");
            }
            if (set.target() instanceof S3TargetSpec && set.checks() != null && set.checks().capacity() != null
                    && set.checks().capacity().quota() == null) {
                throw problem(at + ".checks.capacity.quota", "an object store has no fixed size: capacity needs a "
                        + "quota for an s3 target, such as quota: 2TB");
            }
        }
        new PostureValidator(this).validate(sets);
        if (document.audit() != null) {
            new AuditValidator(this).validate("audit", document.audit());
        }
    }

    private void validateTarget(String at, TargetSpec target) throws PlanException {
        if (target == null) {
            throw problem(at, "missing key 'target' (where the backups are)");
        }
        if (target instanceof LocalTargetSpec local && (local.path() == null || local.path().isBlank())) {
            throw problem(at + ".path", "a local target needs a path");
        }
        Optional<KeyProblem> own = target.firstProblem();
        if (own.isPresent()) {
            throw problem(at + "." + own.get().key(), own.get().message());
        }
        if (target instanceof S3TargetSpec s3) {
            validateS3(at, s3);
        }
    }

    private void validateS3(String at, S3TargetSpec s3) throws PlanException {
        if (s3.bucket() == null || s3.bucket().isBlank()) {
            throw problem(at + ".bucket", "an s3 target needs a bucket");
        }
        if (s3.endpoint() != null) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(s3.endpoint().strip());
            } catch (java.net.URISyntaxException e) {
                throw problem(at + ".endpoint", "the endpoint is not a URL: " + e.getReason());
            }
            if (uri.getUserInfo() != null) {
                throw problem(at + ".endpoint", "the endpoint must not hold a user or password; use credentialsId");
            }
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw problem(at + ".endpoint", "'" + s3.endpoint()
                        + "' is not an http or https URL, such as https://minio.internal:9000");
            }
        }
    }

    private void validateNamePattern(String at, LayoutSpec layout) throws PlanException {
        try {
            NamePattern.compile(layout.namePattern());
        } catch (IllegalArgumentException e) {
            throw problem(at, e.getMessage());
        }
    }

    private void validateChecks(String at, ChecksSpec checks) throws PlanException {
        if (checks == null || checks.isEmpty()) {
            throw problem(at, "no checks configured; a backup set needs at least one check, such as freshness");
        }
        if (checks.freshness() != null && checks.freshness().maxAge() == null) {
            throw problem(at + ".freshness.maxAge", "freshness needs maxAge, such as 26h");
        }
        CompletenessSpec completeness = checks.completeness();
        if (completeness != null) {
            if (completeness.minFiles() != null && completeness.minFiles() < 0) {
                throw problem(at + ".completeness.minFiles", "minFiles cannot be negative");
            }
            if (completeness.maxShrink() != null && completeness.maxShrink().value() > 100) {
                throw problem(at + ".completeness.maxShrink", "maxShrink cannot exceed 100%");
            }
            for (int i = 0; i < completeness.required().size(); i++) {
                String name = completeness.required().get(i);
                if (name == null || name.isBlank()) {
                    throw problem(at + ".completeness.required[" + i + "]", "empty file name");
                }
            }
        }
        IntegritySpec integrity = checks.integrity();
        if (integrity != null) {
            double sample = integrity.sample().value();
            if (sample <= 0 || sample > 100) {
                throw problem(at + ".integrity.sample", "sample must be more than 0% and at most 100%");
            }
            if (integrity.manifest() != null && !isInsidePath(integrity.manifest())) {
                throw problem(at + ".integrity.manifest", "'" + integrity.manifest() + "' is not a path inside the "
                        + "backup folder (or, for file-per-backup, the target folder), such as SHA256SUMS or "
                        + "meta/CHECKSUMS");
            }
            for (String pattern : integrity.ignore()) {
                if (pattern == null || pattern.isBlank()) {
                    throw problem(at + ".integrity.ignore", "an ignore pattern is empty; give a path or pattern "
                            + "inside the backup such as SHA256SUMS or \"lib/**\"");
                }
            }
            if (sample < MIN_SAMPLE_PERCENT) {
                throw problem(at + ".integrity.sample", "sample must be at least " + new Percentage(MIN_SAMPLE_PERCENT)
                        + " (every file read once in 100000 runs)");
            }
        }
        if (checks.readable() != null) {
            validateReadable(at + ".readable", checks.readable());
        }
        if (checks.retention() != null) {
            validateRetention(at + ".retention", checks.retention());
        }
        if (checks.window() != null) {
            validateWindow(at + ".window", checks.window());
        }
        if (checks.capacity() != null) {
            validateCapacity(at + ".capacity", checks.capacity());
        }
    }

    private void validateReadable(String at, ReadableSpec readable) throws PlanException {
        for (int i = 0; i < readable.files().size(); i++) {
            String pattern = readable.files().get(i);
            if (pattern == null || pattern.isBlank()) {
                throw problem(at + ".files[" + i + "]", "empty file pattern");
            }
        }
    }

    /** Whether a relative path names something below its folder: not empty, not absolute, not climbing out. */
    static boolean isInsidePath(String path) {
        if (path.isBlank() || path.startsWith("/")) {
            return false;
        }
        int depth = 0;
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                depth--;
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                return false;
            }
        }
        return depth > 0;
    }

    private void validateRetention(String at, RetentionSpec retention) throws PlanException {
        if (retention.isEmpty()) {
            throw problem(at, "retention needs at least one of keepDaily, keepWeekly, keepMonthly, keepYearly, "
                    + "minAge, maxAge");
        }
        checkCount(at + ".keepDaily", retention.keepDaily());
        checkCount(at + ".keepWeekly", retention.keepWeekly());
        checkCount(at + ".keepMonthly", retention.keepMonthly());
        checkCount(at + ".keepYearly", retention.keepYearly());
        DurationValue minAge = retention.minAge();
        DurationValue maxAge = retention.maxAge();
        if (minAge != null && minAge.duration().isZero()) {
            throw problem(at + ".minAge", "minAge must be more than 0");
        }
        if (maxAge != null && maxAge.duration().isZero()) {
            throw problem(at + ".maxAge", "maxAge must be more than 0");
        }
        if (minAge != null && maxAge != null && minAge.duration().compareTo(maxAge.duration()) > 0) {
            throw problem(at + ".minAge", "minAge " + minAge + " is more than maxAge " + maxAge
                    + "; no backup could satisfy both");
        }
        if (maxAge != null) {
            checkReachable(at + ".keepDaily", "keepDaily", retention.keepDaily(), 1, maxAge);
            checkReachable(at + ".keepWeekly", "keepWeekly", retention.keepWeekly(), 7, maxAge);
            checkReachable(at + ".keepMonthly", "keepMonthly", retention.keepMonthly(), 28, maxAge);
            checkReachable(at + ".keepYearly", "keepYearly", retention.keepYearly(), 365, maxAge);
        }
    }

    private void checkCount(String key, int count) throws PlanException {
        if (count < 0) {
            throw problem(key, "a count cannot be negative; use 0 or leave the key out to not require this tier");
        }
        if (count > MAX_PERIODS) {
            throw problem(key, count + " periods is more than the " + MAX_PERIODS + " this check evaluates");
        }
    }

    /**
     * A tier of n periods always needs a backup at least (n - 2) whole periods old, whatever day the check runs;
     * a maxAge below that makes the policy contradict itself.
     */
    private void checkReachable(String key, String name, int count, int shortestPeriodDays, DurationValue maxAge)
            throws PlanException {
        long neededDays = (long) Math.max(0, count - 2) * shortestPeriodDays;
        if (maxAge.duration().toDays() < neededDays) {
            throw problem(key, name + " " + count + " needs backups at least " + neededDays + " days old, but maxAge "
                    + maxAge + " requires deleting them; the policy contradicts itself");
        }
    }

    private void validateWindow(String at, WindowSpec window) throws PlanException {
        if ((window.start() == null) != (window.end() == null)) {
            throw problem(at + (window.start() == null ? ".start" : ".end"),
                    "a window needs both start and end, such as start: \"01:00\" and end: \"05:00\"");
        }
        if (!window.hasWindow() && window.maxDuration() == null) {
            throw problem(at, "window needs start and end, or maxDuration, or both");
        }
        if (window.hasWindow() && window.start().equals(window.end())) {
            throw problem(at + ".end", "end equals start; the window would be empty");
        }
        if (window.maxDuration() != null && window.maxDuration().duration().isZero()) {
            throw problem(at + ".maxDuration", "maxDuration must be more than 0");
        }
        if (window.lookback().duration().isZero()) {
            throw problem(at + ".lookback", "lookback must be more than 0");
        }
        String marker = window.marker();
        if (marker.isBlank() || marker.contains("/") || marker.contains("\\") || marker.equals(".")
                || marker.equals("..")) {
            throw problem(at + ".marker", "marker must be a plain file name, such as " + WindowSpec.DEFAULT_MARKER);
        }
    }

    private void validateCapacity(String at, CapacitySpec capacity) throws PlanException {
        if (capacity.quota() != null && capacity.quota().bytes() == 0) {
            throw problem(at + ".quota", "quota must be more than 0 bytes");
        }
        if (capacity.measure() == CapacityMeasure.BACKUPS && capacity.quota() == null) {
            throw problem(at + ".measure", "measure: backups compares the sum of this set's backups with a quota; "
                    + "set capacity.quota, such as 500GiB");
        }
        checkShare(at + ".warnAt", "warnAt", capacity.warnAt());
        checkShare(at + ".failAt", "failAt", capacity.failAt());
        if (capacity.warnAt().value() > capacity.failAt().value()) {
            throw problem(at + ".warnAt", "warnAt " + capacity.warnAt() + " is above failAt " + capacity.failAt()
                    + "; warnAt must not exceed failAt");
        }
        if (capacity.growthWindow().duration().isZero()) {
            throw problem(at + ".growthWindow", "growthWindow must be more than 0");
        }
    }

    void checkShare(String key, String name, Percentage share) throws PlanException {
        if (share.value() <= 0 || share.value() > 100) {
            throw problem(key, name + " must be more than 0% and at most 100%");
        }
    }

    PlanException problem(String key, String message) {
        SourceLocations.Position location = locations.find(key);
        int line = location == null ? 0 : location.line();
        int column = location == null ? 0 : location.column();
        return new PlanException(source, line, column, key, message);
    }
}
