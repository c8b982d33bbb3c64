package io.jenkins.plugins.backupverify.model;

import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.restore.RestoreCheck;
import io.backupverify.engine.summary.RestoreTimeFigure;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One set's restore time against its RTO, as kept in build.xml (a plain class: build records do not hold records). */
@ExportedBean(defaultVisibility = 2)
public final class RestoreTimeRecord implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String set;
    private final String status;
    private final long totalMs;
    private final long rtoMs;

    RestoreTimeRecord(RestoreTimeFigure figure) {
        this.set = figure.set();
        this.status = figure.status();
        this.totalMs = figure.totalMs();
        this.rtoMs = figure.rtoMs();
    }

    RestoreTimeFigure toFigure() {
        return new RestoreTimeFigure(set == null ? "" : set, status == null ? "ERROR" : status, totalMs, rtoMs);
    }

    @Exported
    public String getSet() {
        return set;
    }

    @Exported
    public String getStatus() {
        return status;
    }

    /** How long fetch, restore and validation took together; -1 when the restore test stopped before it began. */
    @Exported
    public long getTotalMs() {
        return totalMs;
    }

    /** The RTO; -1 when the plan gives none. */
    @Exported
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
    @Exported
    public boolean isOverRto() {
        return toFigure().overRto();
    }
}
