package io.jenkins.plugins.backupverify.model;

import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.restore.RestoreCheck;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;

/** One set's restore time against its RTO, as kept in build.xml (a plain class: build records do not hold records). */
public final class RestoreTimeRecord implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String set;
    private final String status;
    private final long totalMs;
    private final long rtoMs;

    /**
     * @param totalMs how long fetch, restore and validation took together; -1 when the restore did not complete
     * @param rtoMs   the RTO; -1 when the plan gives none
     */
    RestoreTimeRecord(String set, String status, long totalMs, long rtoMs) {
        this.set = set;
        this.status = status;
        this.totalMs = totalMs;
        this.rtoMs = rtoMs;
    }

    public String getSet() {
        return set;
    }

    public String getStatus() {
        return status;
    }

    public long getTotalMs() {
        return totalMs;
    }

    public long getRtoMs() {
        return rtoMs;
    }

    /** The restore time as people read it: {@code 12.4s}, {@code 3m}; "not completed" without one. */
    public String getTime() {
        if (totalMs < 0) {
            return "not completed";
        }
        return RestoreCheck.formatTime(totalMs);
    }

    /** The RTO as people read it, or null when the plan gives none. */
    public String getRto() {
        return rtoMs < 0 ? null : DurationValue.format(Duration.ofMillis(rtoMs));
    }

    /** Whether the restore took longer than the RTO. */
    public boolean isOverRto() {
        return rtoMs >= 0 && totalMs > rtoMs;
    }
}
