package io.jenkins.plugins.backupverify.steps;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
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
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.credentials.CredentialLookup;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The form support every backup step shares: the set names as one text field, the threshold lists and checks, the
 * plan and id checks, and the credentials helper. Every method that checks a value needs Configure on the job and
 * answers POST only.
 */
public abstract class BackupStepDescriptor extends StepDescriptor {
    /** The workspace's node runs the command; the flow node receives the stage result. */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, TaskListener.class, FlowNode.class);
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

    /** A fixed list (no permission to check); POST like every other form method, as the drop-down sends it. */
    @POST
    public ListBoxModel doFillUnstableOnItems() {
        return thresholds(Status.WARN, Status.FAIL);
    }

    @POST
    public ListBoxModel doFillFailOnItems() {
        return thresholds(Status.WARN, Status.FAIL, Status.ERROR);
    }

    private static ListBoxModel thresholds(Status... statuses) {
        ListBoxModel model = new ListBoxModel();
        for (Status status : statuses) {
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
            return FormValidation.error(Messages.BackupStep_OnePlan());
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

    /** Checks that an id can name a URL and side files. */
    @POST
    public FormValidation doCheckId(@AncestorInPath Item item, @QueryParameter String value) {
        if (item == null) {
            return FormValidation.ok();
        }
        item.checkPermission(Item.CONFIGURE);
        String id = Util.fixEmptyAndTrim(value);
        return id == null || CallIds.isValid(id) ? FormValidation.ok() : FormValidation.error(Messages.BackupStep_BadId());
    }

    /**
     * Lists the credentials a plan may name (a helper for writing plans; the step takes the ids from the plan).
     * Users who could not use credentials in this item see only the current value.
     */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
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
                ? FormValidation.ok(Messages.BackupStep_CredentialsHint(id))
                : FormValidation.warning(Messages.BackupStep_CredentialsUnknown(id));
    }
}
