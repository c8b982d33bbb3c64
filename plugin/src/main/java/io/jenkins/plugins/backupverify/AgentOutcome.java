package io.jenkins.plugins.backupverify;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serial;
import java.io.Serializable;

/**
 * What comes back from the agent: the JSON report of the run, or the message of a mistake in the plan.
 *
 * @param reportJson the report (schema backup-verify/report/v1), or null when the plan could not be used
 * @param problem    what was wrong with the plan, or null
 */
record AgentOutcome(@CheckForNull String reportJson, @CheckForNull String problem) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static AgentOutcome verified(String reportJson) {
        return new AgentOutcome(reportJson, null);
    }

    static AgentOutcome failed(String problem) {
        return new AgentOutcome(null, problem);
    }
}
