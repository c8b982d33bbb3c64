package io.backupverify.engine.outcome;

/** What a verification means for the build that ran it, from best to worst (Jenkins: SUCCESS, UNSTABLE, FAILURE). */
public enum BuildOutcome {
    SUCCESS, UNSTABLE, FAILURE
}
