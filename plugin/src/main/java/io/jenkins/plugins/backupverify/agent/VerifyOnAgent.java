package io.jenkins.plugins.backupverify.agent;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.backupverify.engine.check.ClockBehind;
import io.backupverify.engine.check.ProgressLines;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.history.CoverageTransfer;
import io.backupverify.engine.history.SetCoverage;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.jenkins.plugins.backupverify.credentials.TransferredCredential;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * Verifies backups on the node that holds the workspace. Only the plugin's own types and JDK types cross the channel:
 * the plan text, the set names, the plain credential values in, the JSON report (or a message) and the bytes of the
 * run's file coverage out.
 *
 * @param plan        the plan
 * @param sets        the set names to verify; empty for all
 * @param runNumber   picks the integrity sample (the build number)
 * @param rechecks    per set, the integrity sample slices the earlier verification found problems in, to read again
 *                    ({@link RecheckSlices#encode})
 * @param credentials the values for the ids the plan names
 * @param listener    the build log, for progress lines (it serializes itself for the channel)
 * @param controllerMillis the controller's clock when it made the call: the agent's clock reading earlier is behind
 */
public record VerifyOnAgent(AgentPlan plan, ArrayList<String> sets, long runNumber,
        LinkedHashMap<String, String> rechecks, LinkedHashMap<String, TransferredCredential> credentials,
        TaskListener listener, long controllerMillis)
        implements ControllerToAgentFileCallable<AgentOutcome> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Time between two progress lines in the build log. */
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    public VerifyOnAgent(AgentPlan plan, List<String> sets, long runNumber,
            Map<String, TransferredCredential> credentials, TaskListener listener) {
        this(plan, sets, runNumber, Map.of(), credentials, listener);
    }

    public VerifyOnAgent(AgentPlan plan, List<String> sets, long runNumber, Map<String, String> rechecks,
            Map<String, TransferredCredential> credentials, TaskListener listener) {
        this(plan, new ArrayList<>(sets), runNumber, new LinkedHashMap<>(rechecks), new LinkedHashMap<>(credentials),
                listener, System.currentTimeMillis());
    }

    @Override
    public AgentOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        List<SetCoverage> coverage = new ArrayList<>();
        Instant[] started = new Instant[1];
        AgentOutcome outcome = plan.run(workspace, (parsed, baseDir) -> {
            RunResult result = new Verifier(
                    new CredentialedTargetOpener(baseDir, TransferredCredential.resolverOf(credentials)))
                    .verify(parsed, VerifyOptions.defaults().withRunNumber(runNumber).withSets(sets)
                            .withRechecks(decoded(rechecks))
                            .withProgress(new ProgressLines(listener.getLogger()::println, PROGRESS_INTERVAL))
                            .withLaterThan(new ClockBehind.Witness("the Jenkins controller's clock when it started "
                                    + "this step", Instant.ofEpochMilli(controllerMillis))));
            coverage.addAll(SetCoverage.of(result));
            started[0] = result.startedAt();
            return new JsonReport().toString(result);
        });
        return coverage.isEmpty() ? outcome : outcome.withCoverage(CoverageTransfer.encode(started[0], coverage));
    }

    private static Map<String, RecheckSlices> decoded(Map<String, String> rechecks) {
        Map<String, RecheckSlices> decoded = new LinkedHashMap<>();
        rechecks.forEach((set, slices) -> decoded.put(set, RecheckSlices.decode(slices)));
        return decoded;
    }

    @Override
    public String toString() {
        return "backup verification of " + plan.source() + " (" + credentials.size() + " credentials)";
    }
}
