package io.jenkins.plugins.backupverify.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.outcome.OutcomePolicy;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.DataBoundSetter;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * The arguments every backup step shares: the plan (a file in the workspace, or the text), the sets, the thresholds
 * that turn a verdict into a build result, and the id that names the call's page, side files and trend.
 */
public abstract class BackupStep extends Step {
    private String plan;
    private String planText;
    private List<String> sets = new ArrayList<>();
    private String unstableOn = Status.WARN.name();
    private String failOn = Status.FAIL.name();
    private String id;

    /** The id of a call that gives none: also the URL of the step's page in each build. */
    @NonNull
    public abstract String getDefaultId();

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

    /** The names of the backup sets to work on; empty for all. */
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
        String threshold = Util.fixEmptyAndTrim(unstableOn);
        this.unstableOn = threshold == null ? Status.WARN.name() : threshold;
    }

    @NonNull
    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(@CheckForNull String failOn) {
        String threshold = Util.fixEmptyAndTrim(failOn);
        this.failOn = threshold == null ? Status.FAIL.name() : threshold;
    }

    /** The id as given, or null for the default (so the snippet generator leaves it out). */
    @CheckForNull
    public String getId() {
        return id;
    }

    @DataBoundSetter
    public void setId(@CheckForNull String id) {
        String given = Util.fixEmptyAndTrim(id);
        this.id = given == null || given.equals(getDefaultId()) ? null : given;
    }

    /** The id this call records under. */
    @NonNull
    public String getEffectiveId() {
        return id == null ? getDefaultId() : id;
    }

    /**
     * The thresholds.
     *
     * @throws IllegalArgumentException naming the parameter when a threshold is not a verdict or they contradict
     */
    public OutcomePolicy policy() {
        return OutcomePolicy.parse(unstableOn, failOn);
    }
}
