package io.backupverify.engine.plan;

import java.util.List;
import java.util.Map;

/** Checks a set's {@code restoreTest} beyond what the binder can. */
final class RestoreTestValidator {
    private RestoreTestValidator() {
    }

    static void validate(PlanValidator plan, String at, RestoreTestSpec test) throws PlanException {
        if (test.restore() == null) {
            throw plan.problem(at, "restoreTest needs restore, such as restore: { kind: archive }");
        }
        positive(plan, at + ".rto", "rto", test.rto());
        positive(plan, at + ".timeout", "timeout", test.timeout());
        if (test.restore() instanceof ArchiveRestoreSpec archive) {
            validateLimits(plan, at + ".restore.limits", archive.limits());
        }
        if (test.restore() instanceof ResticRestoreSpec restic && restic.limits().maxSize().bytes() == 0) {
            throw plan.problem(at + ".restore.limits.maxSize", "maxSize must be more than 0 bytes");
        }
        if (test.restore() instanceof DatabaseRestoreSpec database) {
            DatabaseRestoreValidator.validate(plan, at + ".restore", database);
        }
        List<ValidationSpec> validations = test.validate();
        for (int i = 0; i < validations.size(); i++) {
            validateOne(plan, at + ".validate[" + i + "]", validations.get(i), test.restore());
        }
    }

    private static void validateOne(PlanValidator plan, String at, ValidationSpec validation, RestoreSpec restore)
            throws PlanException {
        if (validation == null || validation.keyCount() != 1) {
            throw plan.problem(at, "each validation has exactly one key: checksums, required, command, tables, "
                    + "minRows or sql");
        }
        String key = validation.key();
        boolean databaseKey = key.equals("tables") || key.equals("minRows") || key.equals("sql");
        if (databaseKey && !restore.isDatabase()) {
            throw plan.problem(at + "." + key, key + " applies to database restores (kind postgres or mysql), "
                    + "not to kind " + restore.kind());
        }
        if (validation.checksums() != null && !PlanValidator.isInsidePath(validation.checksums())) {
            throw plan.problem(at + ".checksums", "'" + validation.checksums() + "' is not a path inside the "
                    + "restored data or the backup, such as SHA256SUMS");
        }
        nonEmpty(plan, at + ".required", validation.required());
        if (validation.required() != null) {
            for (int i = 0; i < validation.required().size(); i++) {
                if (!PlanValidator.isInsidePath(validation.required().get(i))) {
                    throw plan.problem(at + ".required[" + i + "]", "'" + validation.required().get(i)
                            + "' is not a path inside the restored data, such as index.html or data/*.csv");
                }
            }
        }
        nonEmpty(plan, at + ".tables", validation.tables());
        if (validation.minRows() != null) {
            if (validation.minRows().isEmpty()) {
                throw plan.problem(at + ".minRows", "minRows needs at least one table, such as { orders: 1000 }");
            }
            for (Map.Entry<String, Long> entry : validation.minRows().entrySet()) {
                if (entry.getValue() == null || entry.getValue() < 0) {
                    throw plan.problem(at + ".minRows." + entry.getKey(), "a row count is a whole number, 0 or more");
                }
            }
        }
        if (validation.sql() != null && validation.sql().isBlank()) {
            throw plan.problem(at + ".sql", "empty query");
        }
        CommandValidationSpec command = validation.command();
        if (command != null) {
            if (command.run() == null || command.run().isBlank()) {
                throw plan.problem(at + ".command.run", "a command validation needs run, such as "
                        + "run: \"./smoke-test.sh\"");
            }
            positive(plan, at + ".command.timeout", "timeout", command.timeout());
        }
    }

    private static void nonEmpty(PlanValidator plan, String at, List<String> names) throws PlanException {
        if (names == null) {
            return;
        }
        if (names.isEmpty()) {
            throw plan.problem(at, "the list is empty; name at least one");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isBlank()) {
                throw plan.problem(at + "[" + i + "]", "empty name");
            }
        }
    }

    private static void validateLimits(PlanValidator plan, String at, ExtractionLimits limits) throws PlanException {
        if (limits.maxSize().bytes() == 0) {
            throw plan.problem(at + ".maxSize", "maxSize must be more than 0 bytes");
        }
        if (limits.maxEntries() < 1) {
            throw plan.problem(at + ".maxEntries", "maxEntries must be at least 1");
        }
        if (limits.maxRatio() < 1) {
            throw plan.problem(at + ".maxRatio", "maxRatio must be at least 1");
        }
    }

    private static void positive(PlanValidator plan, String at, String name, DurationValue value)
            throws PlanException {
        if (value != null && value.duration().isZero()) {
            throw plan.problem(at, name + " must be more than 0");
        }
    }
}
