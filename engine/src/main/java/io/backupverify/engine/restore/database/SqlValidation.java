package io.backupverify.engine.restore.database;

import java.util.List;
import java.util.Map;

/** A check of a restored database's content, run in the scratch database only. */
public sealed interface SqlValidation {
    /** Short form for reports, e.g. {@code tables [orders, customers]}. */
    String describe();

    /** These tables (optionally {@code schema.table}) exist. */
    record TablesExist(List<String> tables) implements SqlValidation {
        public TablesExist {
            tables = List.copyOf(tables);
        }

        @Override
        public String describe() {
            return "tables " + tables;
        }
    }

    /** These tables hold at least so many rows each. */
    record MinRows(Map<String, Long> minimums) implements SqlValidation {
        public MinRows {
            minimums = Map.copyOf(minimums);
        }

        @Override
        public String describe() {
            return "minRows " + minimums;
        }
    }

    /** A query whose single value must be true. */
    record SqlIsTrue(String sql) implements SqlValidation {
        @Override
        public String describe() {
            return "sql: " + sql;
        }
    }
}
