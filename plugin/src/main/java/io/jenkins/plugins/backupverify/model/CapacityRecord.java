package io.jenkins.plugins.backupverify.model;

import io.backupverify.engine.summary.CapacityFigure;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** How full one target was in one build, as kept in build.xml (a plain class: build records do not hold records). */
@ExportedBean(defaultVisibility = 2)
public final class CapacityRecord implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String target;
    private final long usedBytes;
    private final long totalBytes;
    private final double usedPercent;

    CapacityRecord(CapacityFigure figure) {
        this.target = figure.target();
        this.usedBytes = figure.usedBytes();
        this.totalBytes = figure.totalBytes();
        this.usedPercent = figure.usedPercent();
    }

    CapacityFigure toFigure() {
        return new CapacityFigure(target == null ? "" : target, usedBytes, totalBytes, usedPercent);
    }

    @Exported
    public String getTarget() {
        return target;
    }

    @Exported
    public long getUsedBytes() {
        return usedBytes;
    }

    @Exported
    public long getTotalBytes() {
        return totalBytes;
    }

    @Exported
    public double getUsedPercent() {
        return usedPercent;
    }

    /** The share in use with one decimal, or "-" when the total is unknown. */
    public String getUsedPercentText() {
        return totalBytes > 0 ? String.format(Locale.ROOT, "%.1f", usedPercent) : "-";
    }
}
