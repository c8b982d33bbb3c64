package io.jenkins.plugins.backupverify.agent;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.backupverify.engine.check.ProgressLines;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.restore.RestoreKinds;
import io.backupverify.engine.restore.RestoreTester;
import io.backupverify.engine.restore.ScratchArea;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.VerifyOptions;
import io.jenkins.plugins.backupverify.credentials.TransferredCredential;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * Runs the restore tests of a plan on the node that holds the workspace, restoring into scratch folders under the
 * workspace's temporary folder ({@code <workspace>@tmp/backup-verify-restore}), which the engine always empties.
 *
 * @param plan        the plan
 * @param sets        the set names to restore-test; empty for all that have a restore test
 * @param runNumber   seeds {@code select: { random-within: ... }} (the build number)
 * @param again       per set, the backup the earlier build's restore test could not restore, to restore again
 * @param credentials the values for the ids the plan names
 * @param listener    the build log, for progress lines while the backup is fetched (it serializes itself for the
 *                    channel)
 */
public record RestoreTestOnAgent(AgentPlan plan, ArrayList<String> sets, long runNumber,
        LinkedHashMap<String, String> again, LinkedHashMap<String, TransferredCredential> credentials,
        TaskListener listener)
        implements ControllerToAgentFileCallable<AgentOutcome> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The folder below the workspace's temporary folder that scratch folders are made in. */
    public static final String SCRATCH_FOLDER = "backup-verify-restore";

    public RestoreTestOnAgent(AgentPlan plan, List<String> sets, long runNumber, Map<String, String> again,
            Map<String, TransferredCredential> credentials, TaskListener listener) {
        this(plan, new ArrayList<>(sets), runNumber, new LinkedHashMap<>(again), new LinkedHashMap<>(credentials),
                listener);
    }

    /** Where scratch folders go on the agent: beside the workspace, as Jenkins keeps its temporary files. */
    public static Path scratchRoot(File workspace) {
        return new File(workspace.getParentFile(), workspace.getName() + "@tmp").toPath().resolve(SCRATCH_FOLDER);
    }

    @Override
    public AgentOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path scratch = Files.createDirectories(scratchRoot(workspace));
        return plan.run(workspace, (parsed, baseDir) -> {
            CredentialResolver resolver = TransferredCredential.resolverOf(credentials);
            RestoreTester tester = new RestoreTester(RestoreKinds.defaults(), new ScratchArea(scratch),
                    new CredentialedTargetOpener(baseDir, resolver), resolver).restoringAgain(again);
            RunResult result = tester.run(parsed, VerifyOptions.defaults().withRunNumber(runNumber).withSets(sets)
                    .withProgress(new ProgressLines(listener.getLogger()::println, VerifyOnAgent.PROGRESS_INTERVAL)));
            return new JsonReport().toString(result);
        });
    }

    @Override
    public String toString() {
        return "backup restore test of " + plan.source() + " (" + credentials.size() + " credentials)";
    }
}
