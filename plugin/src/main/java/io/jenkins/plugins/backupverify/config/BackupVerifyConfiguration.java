package io.jenkins.plugins.backupverify.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** System settings: how many builds the trend charts may walk at most. */
@Extension
@Symbol("backupVerification")
public class BackupVerifyConfiguration extends GlobalConfiguration {
    public static final int DEFAULT_TREND_BUILDS = 50;
    public static final int MAX_TREND_BUILDS = 500;

    private int trendBuilds = DEFAULT_TREND_BUILDS;

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

    @POST
    public FormValidation doCheckTrendBuilds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormValidation.validateIntegerInRange(value, 2, MAX_TREND_BUILDS);
    }
}
