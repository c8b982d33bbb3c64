package io.jenkins.plugins.backupverify.audit;

import hudson.model.Job;
import io.backupverify.engine.history.CoverageLedger;
import io.backupverify.engine.history.CoverageSource;
import java.util.List;

/**
 * The coverage ledger of a job: in Jenkins the builds are the history, but when each file was last verified is one
 * small file per backup set that every build of the job updates, so it lives in the job's folder
 * ({@value #FOLDER}/), beside the builds, and outlives discarded builds. The format is the command line's.
 */
public final class JobCoverage {
    public static final String FOLDER = "backup-verify-coverage";

    private JobCoverage() {
    }

    public static CoverageLedger of(Job<?, ?> job) {
        return CoverageLedger.in(job.getRootDir().toPath().resolve(FOLDER));
    }

    /** The ledgers of the jobs an audit reads, as one: each file with its latest verification in any of them. */
    public static CoverageSource of(List<? extends Job<?, ?>> jobs) {
        return jobs.size() == 1 ? of(jobs.get(0)) : CoverageSource.merging(jobs.stream().map(JobCoverage::of).toList());
    }
}
