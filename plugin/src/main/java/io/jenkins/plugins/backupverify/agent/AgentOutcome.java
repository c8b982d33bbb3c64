package io.jenkins.plugins.backupverify.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;

/**
 * What comes back from the agent after an engine command: the command's JSON report, or the message of a mistake in
 * the plan. Only strings and bytes inside, so it passes the agent channel's class filter; every step's callable
 * returns it.
 *
 * @param reportJson the report, or null when the plan could not be used
 * @param problem    what was wrong with the plan (or why no report could be sent), or null
 * @param coverage   which files a verification read, for the job's coverage ledger (engine CoverageTransfer
 *                   bytes), or null
 */
public record AgentOutcome(@CheckForNull String reportJson, @CheckForNull String problem,
        @CheckForNull byte[] coverage) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The largest report the controller accepts: it is parsed in the controller's memory. */
    public static final int MAX_REPORT_CHARS = 32 * 1024 * 1024;

    /** The largest coverage the controller takes into the job's ledger; more is left out and said so. */
    public static final int MAX_COVERAGE_BYTES = 32 * 1024 * 1024;

    public AgentOutcome(@CheckForNull String reportJson, @CheckForNull String problem) {
        this(reportJson, problem, null);
    }

    /** This outcome with the run's coverage; without it when it is larger than the controller takes. */
    public AgentOutcome withCoverage(@CheckForNull byte[] bytes) {
        return new AgentOutcome(reportJson, problem, bytes == null || bytes.length > MAX_COVERAGE_BYTES ? null : bytes);
    }

    /** The report, or a problem when it is larger than the controller accepts. */
    public static AgentOutcome report(String reportJson) {
        if (reportJson.length() > MAX_REPORT_CHARS) {
            return failed(String.format(Locale.ROOT,
                    "the report has %,d characters, more than the %,d the controller accepts; verify fewer sets per "
                            + "call (sets:) or split the plan", reportJson.length(), MAX_REPORT_CHARS));
        }
        return new AgentOutcome(reportJson, null);
    }

    public static AgentOutcome failed(String problem) {
        return new AgentOutcome(null, problem);
    }

    public boolean hasReport() {
        return reportJson != null && problem == null;
    }
}
