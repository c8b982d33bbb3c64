package io.backupverify.engine.plan;

import java.util.List;

/** The plan file as written, before paths and zones are resolved. */
record PlanDocument(Integer version, String timezone, List<BackupSetSpec> backupSets, AuditSpec audit) {
}
