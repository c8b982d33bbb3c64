package io.backupverify.engine.plan;

import java.util.List;
import java.util.Map;

/**
 * One validation of restored data; exactly one key is set.
 *
 * @param checksums a checksum manifest (such as SHA256SUMS) the restored files must match; looked for in the
 *                  restored data first, then in the backup
 * @param required  files (or glob patterns) that must be present in the restored data
 * @param command   a command that must exit 0, given the restored location in its environment
 * @param tables    (database kinds) tables that must exist
 * @param minRows   (database kinds) the fewest rows each table must have
 * @param sql       (database kinds) a query that must return true
 */
public record ValidationSpec(String checksums, List<String> required, CommandValidationSpec command,
        List<String> tables, Map<String, Long> minRows, String sql) {
    /** The key that is set, for messages; null when none is. */
    public String key() {
        return checksums != null ? "checksums" : required != null ? "required" : command != null ? "command"
                : tables != null ? "tables" : minRows != null ? "minRows" : sql != null ? "sql" : null;
    }

    /** How many keys are set; a valid validation has exactly one. */
    public int keyCount() {
        int count = 0;
        for (Object value : new Object[] {checksums, required, command, tables, minRows, sql}) {
            count += value == null ? 0 : 1;
        }
        return count;
    }
}
