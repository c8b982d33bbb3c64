package io.jenkins.plugins.backupverify.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.model.BackupRestoreTestAction;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The {@code backupRestoreTest} Pipeline step: for each backup set with a {@code restoreTest}, restores a backup into
 * a scratch folder in the workspace's node, validates it, times it against the RTO and removes the scratch data;
 * records the result on the build and returns it to the script.
 *
 * <pre>
 * def r = backupRestoreTest plan: 'ops/backup-verify.yaml', sets: ['web-assets']
 * backupRestoreTest plan: 'plan.yaml', junitFile: 'reports/restore-tests.xml'
 * </pre>
 */
public class BackupRestoreTestStep extends BackupReportStep {
    @DataBoundConstructor
    public BackupRestoreTestStep() {
        // every argument is optional in itself; start() requires exactly one of plan and planText
    }

    @NonNull
    @Override
    public String getDefaultId() {
        return BackupRestoreTestAction.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new BackupRestoreTestExecution(this, context);
    }

    /** Registers the step under the name {@code backupRestoreTest}. */
    @Extension
    @Symbol("backupRestoreTest")
    public static class DescriptorImpl extends BackupStepDescriptor {
        @Override
        public String getFunctionName() {
            return "backupRestoreTest";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BackupRestoreTestStep_DisplayName();
        }
    }
}
