package io.jenkins.plugins.backupverify.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The {@code backupVerify} Pipeline step: verifies the backups a plan describes, in the workspace's node, records the
 * result on the build and returns it to the script.
 *
 * <pre>
 * def r = backupVerify plan: 'ops/backup-verify.yaml'
 * backupVerify planText: readFile('plan.yaml'), sets: ['orders-db'], unstableOn: 'WARN', failOn: 'FAIL', id: 'db'
 * backupVerify plan: 'plan.yaml', junitFile: 'reports/backups.xml'
 * </pre>
 */
public class BackupVerifyStep extends BackupReportStep {
    @DataBoundConstructor
    public BackupVerifyStep() {
        // every argument is optional in itself; start() requires exactly one of plan and planText
    }

    @NonNull
    @Override
    public String getDefaultId() {
        return BackupVerifyAction.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new BackupVerifyExecution(this, context);
    }

    /** Registers the step under the name {@code backupVerify}. */
    @Extension
    @Symbol("backupVerify")
    public static class DescriptorImpl extends BackupStepDescriptor {
        @Override
        public String getFunctionName() {
            return "backupVerify";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BackupVerifyStep_DisplayName();
        }
    }
}
