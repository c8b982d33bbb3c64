package io.jenkins.plugins.backupverify.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.backupverify.Messages;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * System settings: how many builds the trend charts may walk at most, and the success rates that make a job's
 * weather sunny or stormy.
 */
@Extension
@Symbol("backupVerification")
public class BackupVerifyConfiguration extends GlobalConfiguration {
    public static final int DEFAULT_TREND_BUILDS = 50;
    public static final int MAX_TREND_BUILDS = 500;
    /** The audit's default success-rate threshold: at or above it, the weather is sunny. */
    public static final int DEFAULT_HEALTHY_PERCENT = 98;
    public static final int DEFAULT_UNHEALTHY_PERCENT = 80;

    private int trendBuilds = DEFAULT_TREND_BUILDS;
    private int healthyPercent = DEFAULT_HEALTHY_PERCENT;
    private int unhealthyPercent = DEFAULT_UNHEALTHY_PERCENT;

    public BackupVerifyConfiguration() {
        load();
    }

    public static BackupVerifyConfiguration get() {
        return ExtensionList.lookupSingleton(BackupVerifyConfiguration.class);
    }

    /** The most builds a trend chart reads, 2 to {@value #MAX_TREND_BUILDS}. */
    public int getTrendBuilds() {
        return Math.max(2, Math.min(MAX_TREND_BUILDS, trendBuilds));
    }

    @DataBoundSetter
    public void setTrendBuilds(int trendBuilds) {
        this.trendBuilds = Math.max(2, Math.min(MAX_TREND_BUILDS, trendBuilds));
        save();
    }

    /** The success rate (percent of recent builds) from which a job's health is 100%. */
    public int getHealthyPercent() {
        return percent(healthyPercent);
    }

    @DataBoundSetter
    public void setHealthyPercent(int healthyPercent) {
        this.healthyPercent = percent(healthyPercent);
        save();
    }

    /** The success rate (percent of recent builds) at and below which a job's health is 0%. */
    public int getUnhealthyPercent() {
        return Math.min(percent(unhealthyPercent), getHealthyPercent());
    }

    @DataBoundSetter
    public void setUnhealthyPercent(int unhealthyPercent) {
        this.unhealthyPercent = percent(unhealthyPercent);
        save();
    }

    private static int percent(int value) {
        return Math.max(0, Math.min(100, value));
    }

    /**
     * The health score for a success rate: 100 at or above the healthy rate, 0 at or below the unhealthy one, in
     * proportion between them.
     */
    public int healthScore(double successPercent) {
        int healthy = getHealthyPercent();
        int unhealthy = getUnhealthyPercent();
        if (successPercent >= healthy) {
            return 100;
        }
        if (successPercent <= unhealthy) {
            return 0;
        }
        return (int) Math.round(100 * (successPercent - unhealthy) / (healthy - unhealthy));
    }

    @POST
    public FormValidation doCheckTrendBuilds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormValidation.validateIntegerInRange(value, 2, MAX_TREND_BUILDS);
    }

    @POST
    public FormValidation doCheckHealthyPercent(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormValidation.validateIntegerInRange(value, 0, 100);
    }

    @POST
    public FormValidation doCheckUnhealthyPercent(@QueryParameter String value,
            @QueryParameter String healthyPercent) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        FormValidation range = FormValidation.validateIntegerInRange(value, 0, 100);
        if (range.kind != FormValidation.Kind.OK) {
            return range;
        }
        try {
            if (Integer.parseInt(value.trim()) > Integer.parseInt(healthyPercent.trim())) {
                return FormValidation.warning(Messages.BackupVerifyConfiguration_UnhealthyAboveHealthy());
            }
        } catch (NumberFormatException e) {
            return FormValidation.ok();
        }
        return FormValidation.ok();
    }
}
