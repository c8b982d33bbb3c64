package io.backupverify.engine.plan;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A verification plan: the backup sets to verify and how.
 *
 * @param source    where the plan came from, for messages (a file name or {@code <text>})
 * @param baseDir   the folder that relative local paths are resolved against
 * @param timezone  the zone for backup names without an offset and for calendar rules (UTC by default)
 * @param audit     the {@code audit:} section, or its defaults when the plan has none
 * @param timezoneStated whether the plan names its {@code timezone}; without it, UTC is only a guess for names
 */
public record Plan(String source, Path baseDir, ZoneId timezone, List<BackupSetSpec> backupSets, AuditSpec audit,
        boolean timezoneStated) {
    public Plan {
        backupSets = List.copyOf(backupSets);
        audit = audit == null ? AuditSpec.defaults() : audit;
    }

    /** A plan whose zone is given. */
    public Plan(String source, Path baseDir, ZoneId timezone, List<BackupSetSpec> backupSets, AuditSpec audit) {
        this(source, baseDir, timezone, backupSets, audit, true);
    }

    /** A plan without an {@code audit:} section. */
    public Plan(String source, Path baseDir, ZoneId timezone, List<BackupSetSpec> backupSets) {
        this(source, baseDir, timezone, backupSets, null);
    }

    public Optional<BackupSetSpec> backupSet(String name) {
        for (BackupSetSpec set : backupSets) {
            if (set.name().equals(name)) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that the plan has every set named, as a command line or a Pipeline step asks for them.
     *
     * @throws PlanException naming the unknown sets and listing the plan's sets
     */
    public void requireSets(Collection<String> names) throws PlanException {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (backupSet(name).isEmpty()) {
                unknown.add("'" + name + "'");
            }
        }
        if (!unknown.isEmpty()) {
            StringJoiner sets = new StringJoiner(", ");
            backupSets.forEach(set -> sets.add(set.name()));
            String known = sets.toString();
            throw new PlanException(source, 0, 0, null, "no backup set named " + String.join(", ", unknown)
                    + "; the plan has: " + (known.isEmpty() ? "no sets" : known));
        }
    }
}
