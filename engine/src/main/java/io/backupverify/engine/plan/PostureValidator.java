package io.backupverify.engine.plan;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates the posture checks: encryption, access, immutability and copies. */
final class PostureValidator {
    private final PlanValidator plan;

    PostureValidator(PlanValidator plan) {
        this.plan = plan;
    }

    void validate(List<BackupSetSpec> sets) throws PlanException {
        Set<String> names = sets.stream().map(BackupSetSpec::name).collect(Collectors.toSet());
        for (int i = 0; i < sets.size(); i++) {
            BackupSetSpec set = sets.get(i);
            String at = "backupSets[" + i + "].checks";
            ChecksSpec checks = set.checks();
            if (checks == null) {
                continue; // a set with only a restore test
            }
            EncryptionSpec encryption = checks.encryption();
            if (encryption != null && encryption.maxKeyAge() != null
                    && encryption.maxKeyAge().duration().isZero()) {
                throw plan.problem(at + ".encryption.maxKeyAge", "maxKeyAge must be more than 0");
            }
            AccessSpec access = checks.access();
            if (access != null) {
                checkName(at + ".access.owner", access.owner());
                checkName(at + ".access.group", access.group());
                for (int w = 0; w < access.writers().size(); w++) {
                    checkName(at + ".access.writers[" + w + "]", access.writers().get(w));
                }
            }
            ImmutabilitySpec immutability = checks.immutability();
            if (immutability != null && immutability.minRetention() != null
                    && immutability.minRetention().duration().isZero()) {
                throw plan.problem(at + ".immutability.minRetention", "minRetention must be more than 0");
            }
            if (checks.copies() != null) {
                validateCopies(at + ".copies", set, checks.copies(), names);
            }
        }
    }

    private void checkName(String key, String name) throws PlanException {
        if (name != null && name.isBlank()) {
            throw plan.problem(key, "empty user or group name");
        }
    }

    private void validateCopies(String at, BackupSetSpec set, CopiesSpec copies, Set<String> names)
            throws PlanException {
        if (copies.at().isEmpty()) {
            throw plan.problem(at + ".at", "copies needs at least one other backup set under at, such as "
                    + "[orders-db-offsite]");
        }
        for (int i = 0; i < copies.at().size(); i++) {
            String name = copies.at().get(i);
            String key = at + ".at[" + i + "]";
            if (name == null || name.isBlank()) {
                throw plan.problem(key, "empty backup set name");
            }
            if (name.equals(set.name())) {
                throw plan.problem(key, "'" + name + "' is this set itself; name the sets that hold its copies");
            }
            if (!names.contains(name)) {
                throw plan.problem(key, "the plan has no backup set named '" + name + "'; known sets: "
                        + names.stream().sorted().collect(Collectors.joining(", ")));
            }
            if (copies.at().indexOf(name) != i) {
                throw plan.problem(key, "'" + name + "' is listed twice");
            }
        }
        int possible = copies.at().size() + 1;
        if (copies.minCopies() < 1 || copies.minCopies() > possible) {
            throw plan.problem(at + ".minCopies", "minCopies must be from 1 to " + possible + " (this set and the "
                    + copies.at().size() + " listed under at)");
        }
        if (copies.minProviders() < 1 || copies.minProviders() > possible) {
            throw plan.problem(at + ".minProviders", "minProviders must be from 1 to " + possible);
        }
        if (copies.offsite() < 0 || copies.offsite() > possible) {
            throw plan.problem(at + ".offsite", "offsite must be from 0 to " + possible);
        }
    }
}
