package io.backupverify.engine.run;

import java.time.Instant;

/** The newest backup of a set as the report shows it. */
public record LatestBackup(String id, Instant time, long files, long bytes) {
}
