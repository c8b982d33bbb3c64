package io.jenkins.plugins.backupverify.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A backup step whose result is a report of checks per set ({@code backupVerify}, {@code backupRestoreTest}): besides
 * the shared arguments it can hand the report's JUnit XML to the workspace, for the {@code junit} step or the Checks
 * API.
 */
public abstract class BackupReportStep extends BackupStep {
    private String junitFile;

    /** Where to write the JUnit XML report in the workspace, or null for nowhere. */
    @CheckForNull
    public String getJunitFile() {
        return junitFile;
    }

    @DataBoundSetter
    public void setJunitFile(@CheckForNull String junitFile) {
        this.junitFile = Util.fixEmptyAndTrim(junitFile);
    }
}
