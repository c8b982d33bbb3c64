package io.jenkins.plugins.backupverify.columns;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Job;
import hudson.model.Run;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.model.BackupResultAction;
import io.jenkins.plugins.backupverify.model.BackupJobActionFactory;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The list-view column "Backups": the verdict of every backup step call in the job's newest build that has one
 * (looking at the newest few builds only), each linked to its page. Dashboards add it to a list view.
 */
public class BackupVerifyColumn extends ListViewColumn {
    @DataBoundConstructor
    public BackupVerifyColumn() {
        // no settings
    }

    /** The newest finished build with backup results, among the newest few, or null. */
    @CheckForNull
    public Run<?, ?> getBuild(Job<?, ?> job) {
        return BackupJobActionFactory.newestWithAnyResult(job);
    }

    /** The results of that build, in the order the calls ran. */
    public List<BackupResultAction> getResults(Job<?, ?> job) {
        Run<?, ?> run = getBuild(job);
        return run == null ? List.of() : run.getActions(BackupResultAction.class);
    }

    /** Registers the column; it is not in new views unless chosen. */
    @Extension
    @Symbol("backupVerification")
    public static class DescriptorImpl extends ListViewColumnDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BackupVerifyColumn_DisplayName();
        }

        @Override
        public boolean shownByDefault() {
            return false;
        }
    }
}
