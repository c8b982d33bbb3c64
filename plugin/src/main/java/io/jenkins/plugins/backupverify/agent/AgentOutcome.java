package io.jenkins.plugins.backupverify.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;

/**
 * What comes back from the agent after an engine command: the command's JSON report, or the message of a mistake in
 * the plan. Only strings inside, so it passes the agent channel's class filter; every step's callable returns it.
 *
 * @param reportJson the report, or null when the plan could not be used
 * @param problem    what was wrong with the plan (or why no report could be sent), or null
 */
public record AgentOutcome(@CheckForNull String reportJson, @CheckForNull String problem) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The largest report the controller accepts: it is parsed in the controller's memory. */
    public static final int MAX_REPORT_CHARS = 32 * 1024 * 1024;

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
