package io.jenkins.plugins.backupverify;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Descriptor.FormException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code backupVerify} Pipeline step: verifies the backups a plan describes, in the workspace's node, records the
 * result on the build and returns it to the script.
 *
 * <pre>
 * def r = backupVerify plan: 'ops/backup-verify.yaml'
 * backupVerify planText: readFile('plan.yaml'), sets: ['orders-db'], unstableOn: 'WARN', failOn: 'FAIL'
 * </pre>
 */
public class BackupVerifyStep extends Step {
    private String plan;
    private String planText;
    private List<String> sets = new ArrayList<>();
    private String unstableOn = Status.WARN.name();
    private String failOn = Status.FAIL.name();

    @DataBoundConstructor
    public BackupVerifyStep() {
        // every argument is optional in itself; start() requires exactly one of plan and planText
    }

    /** The plan file, relative to the workspace. */
    @CheckForNull
    public String getPlan() {
        return plan;
    }

    @DataBoundSetter
    public void setPlan(@CheckForNull String plan) {
        this.plan = Util.fixEmptyAndTrim(plan);
    }

    /** The plan itself, as YAML text. */
    @CheckForNull
    public String getPlanText() {
        return planText;
    }

    @DataBoundSetter
    public void setPlanText(@CheckForNull String planText) {
        this.planText = Util.fixEmpty(planText);
    }

    /** The names of the backup sets to verify; empty for all. */
    @NonNull
    public List<String> getSets() {
        return sets;
    }

    @DataBoundSetter
    public void setSets(@CheckForNull List<String> sets) {
        List<String> names = new ArrayList<>();
        if (sets != null) {
            for (String name : sets) {
                String trimmed = Util.fixEmptyAndTrim(name);
                if (trimmed != null) {
                    names.add(trimmed);
                }
            }
        }
        this.sets = names;
    }

    /** The set names as the configuration form shows them: separated by commas. */
    public String getSetsText() {
        return String.join(", ", sets);
    }

    @NonNull
    public String getUnstableOn() {
        return unstableOn;
    }

    @DataBoundSetter
    public void setUnstableOn(@CheckForNull String unstableOn) {
        this.unstableOn = Util.fixEmptyAndTrim(unstableOn) == null ? Status.WARN.name() : unstableOn.trim();
    }

    @NonNull
    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(@CheckForNull String failOn) {
        this.failOn = Util.fixEmptyAndTrim(failOn) == null ? Status.FAIL.name() : failOn.trim();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new BackupVerifyExecution(this, context);
    }

    /** Registers the step under the name {@code backupVerify}. */
    @Extension
    @Symbol("backupVerify")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "backupVerify";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BackupVerifyStep_DisplayName();
        }

        /** Accepts the set names from the form as one comma-separated text field. */
        @Override
        public Step newInstance(@CheckForNull StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            Object names = formData.opt("sets");
            if (names instanceof String text) {
                JSONArray list = new JSONArray();
                Arrays.stream(text.split("[,\\s]+")).filter(name -> !name.isBlank()).forEach(list::add);
                formData.put("sets", list);
            }
            return super.newInstance(req, formData);
        }

        public ListBoxModel doFillUnstableOnItems() {
            return thresholds();
        }

        public ListBoxModel doFillFailOnItems() {
            return thresholds();
        }

        private static ListBoxModel thresholds() {
            ListBoxModel model = new ListBoxModel();
            for (Status status : List.of(Status.WARN, Status.FAIL, Status.ERROR)) {
                model.add(status.name());
            }
            return model;
        }

        /** Checks that the thresholds go together (ERROR always fails the build). */
        @POST
        public FormValidation doCheckFailOn(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String unstableOn) {
            if (item == null) {
                return FormValidation.ok();
            }
            item.checkPermission(Item.CONFIGURE);
            try {
                OutcomePolicy.parse(unstableOn, value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /** Requires exactly one of plan file and plan text. */
        @POST
        public FormValidation doCheckPlan(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String planText) {
            if (item == null) {
                return FormValidation.ok();
            }
            item.checkPermission(Item.CONFIGURE);
            boolean hasFile = Util.fixEmptyAndTrim(value) != null;
            boolean hasText = Util.fixEmptyAndTrim(planText) != null;
            if (hasFile == hasText) {
                return FormValidation.error(Messages.BackupVerifyStep_OnePlan());
            }
            return FormValidation.ok();
        }

        /** Parses the plan text on the controller and reports the first problem with its line and key. */
        @POST
        public FormValidation doCheckPlanText(@AncestorInPath Item item, @QueryParameter String value) {
            if (item == null || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            item.checkPermission(Item.CONFIGURE);
            try {
                new PlanParser().parse(value, "planText", Path.of("."));
                return FormValidation.ok();
            } catch (PlanException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /**
         * Lists the credentials a plan may name (a helper for writing plans; the step takes the ids from the plan).
         * Users who could not use credentials in this item see only the current value.
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            String current = Util.fixNull(credentialsId);
            if (!CredentialLookup.mayList(item)) {
                result.includeCurrentValue(current);
                return result;
            }
            result.includeEmptyValue();
            CredentialLookup.includeUsable(result, item);
            result.includeCurrentValue(current);
            return result;
        }

        /** Says whether an id names credentials this item can use, and of a kind the plugin supports. */
        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!CredentialLookup.mayList(item)) {
                return FormValidation.ok();
            }
            String id = Util.fixEmptyAndTrim(value);
            if (id == null) {
                return FormValidation.ok();
            }
            return CredentialLookup.isUsable(item, id)
                    ? FormValidation.ok(Messages.BackupVerifyStep_CredentialsHint(id))
                    : FormValidation.warning(Messages.BackupVerifyStep_CredentialsUnknown(id));
        }
    }
}
