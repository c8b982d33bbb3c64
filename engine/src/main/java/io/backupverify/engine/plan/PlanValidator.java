package io.backupverify.engine.plan;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks what the binder cannot: required keys, ranges, unique names. Stops at the first problem. */
final class PlanValidator {
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
            validateChecks(at + ".checks", set.checks());
        }
    }

    private void validateTarget(String at, TargetSpec target) throws PlanException {
        if (target == null) {
            throw problem(at, "missing key 'target' (where the backups are)");
        }
        if (target instanceof LocalTargetSpec local && (local.path() == null || local.path().isBlank())) {
            throw problem(at + ".path", "a local target needs a path");
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
        }
    }

    PlanException problem(String key, String message) {
        JsonLocation location = locations.find(key);
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new PlanException(source, line, column, key, message);
    }
}
