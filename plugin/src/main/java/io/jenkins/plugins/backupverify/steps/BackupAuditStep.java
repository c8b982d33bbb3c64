package io.jenkins.plugins.backupverify.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor.FormException;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.model.BackupAuditAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The {@code backupAudit} Pipeline step: audits the recorded history of a plan, read from the builds of this job or
 * of the named jobs (their backup steps' small history records), against the plan's {@code audit:} section, and
 * publishes the audit on the build. Typically run monthly.
 *
 * <pre>
 * def a = backupAudit plan: 'ops/backup-verify.yaml', jobs: ['backups/nightly-verify', 'backups/restore-tests']
 * echo "audit: ${a.status}, ${a.critical} critical, ${a.warning} warnings"
 * </pre>
 */
public class BackupAuditStep extends BackupStep {
    private List<String> jobs = new ArrayList<>();

    @DataBoundConstructor
    public BackupAuditStep() {
        // every argument is optional in itself; start() requires exactly one of plan and planText
    }

    /** The jobs whose builds are the history (full names, or relative to this job); empty: this job. */
    @NonNull
    public List<String> getJobs() {
        return jobs;
    }

    @DataBoundSetter
    public void setJobs(@CheckForNull List<String> jobs) {
        List<String> names = new ArrayList<>();
        if (jobs != null) {
            for (String name : jobs) {
                String trimmed = Util.fixEmptyAndTrim(name);
                if (trimmed != null) {
                    names.add(trimmed);
                }
            }
        }
        this.jobs = names;
    }

    /** The job names as the configuration form shows them: separated by commas. */
    public String getJobsText() {
        return String.join(", ", jobs);
    }

    @NonNull
    @Override
    public String getDefaultId() {
        return BackupAuditAction.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new BackupAuditExecution(this, context);
    }

    /** Registers the step under the name {@code backupAudit}. */
    @Extension
    @Symbol("backupAudit")
    public static class DescriptorImpl extends BackupStepDescriptor {
        @Override
        public String getFunctionName() {
            return "backupAudit";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BackupAuditStep_DisplayName();
        }

        /** Accepts the job names from the form as one comma-separated text field (names may contain spaces). */
        @Override
        public Step newInstance(@CheckForNull StaplerRequest2 req, @NonNull JSONObject formData)
                throws FormException {
            Object names = formData.opt("jobs");
            if (names instanceof String text) {
                JSONArray list = new JSONArray();
                Arrays.stream(text.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(list::add);
                formData.put("jobs", list);
            }
            return super.newInstance(req, formData);
        }
    }
}
