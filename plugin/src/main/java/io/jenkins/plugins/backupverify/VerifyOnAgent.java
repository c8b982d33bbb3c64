package io.jenkins.plugins.backupverify;

import hudson.remoting.VirtualChannel;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.CredentialsUnavailableException;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * Runs the engine on the node that holds the workspace. Only the plugin's own types and JDK types cross the channel:
 * the plan text, the set names, the plain credential values in, the JSON report (or a message) out.
 *
 * @param planText    the plan's YAML text
 * @param planSource  the plan's name for messages (the file name, or {@code planText})
 * @param planDir     the folder relative local paths are resolved against, relative to the workspace ("" for the
 *                    workspace itself)
 * @param sets        the set names to verify; empty for all
 * @param runNumber   picks the integrity sample (the build number)
 * @param credentials the values for the ids the plan names
 */
record VerifyOnAgent(String planText, String planSource, String planDir, ArrayList<String> sets, long runNumber,
        LinkedHashMap<String, TransferredCredential> credentials) implements ControllerToAgentFileCallable<AgentOutcome> {
    @Serial
    private static final long serialVersionUID = 1L;

    VerifyOnAgent(String planText, String planSource, String planDir, List<String> sets, long runNumber,
            Map<String, TransferredCredential> credentials) {
        this(planText, planSource, planDir, new ArrayList<>(sets), runNumber, new LinkedHashMap<>(credentials));
    }

    @Override
    public AgentOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path baseDir = workspace.toPath().resolve(planDir).normalize();
        Plan plan;
        try {
            plan = new PlanParser().parse(planText, planSource, baseDir);
        } catch (PlanException e) {
            return AgentOutcome.failed(e.getMessage());
        }
        RunResult result = new Verifier(new CredentialedTargetOpener(baseDir, resolver()))
                .verify(plan, VerifyOptions.defaults().withRunNumber(runNumber).withSets(sets));
        return AgentOutcome.verified(new JsonReport().toString(result));
    }

    private CredentialResolver resolver() {
        return id -> {
            TransferredCredential value = credentials.get(id);
            if (value == null) {
                throw CredentialsUnavailableException.notFound(id);
            }
            return value.toEngineValue();
        };
    }

    @Override
    public String toString() {
        return "backup verification of " + planSource + " (" + credentials.size() + " credentials)";
    }
}
