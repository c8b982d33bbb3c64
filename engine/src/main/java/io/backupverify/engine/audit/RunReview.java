package io.backupverify.engine.audit;

import io.backupverify.engine.history.RunRecord;

/**
 * A review that looks at the period's runs one at a time, oldest first, keeping only what its part of the report
 * needs, so an audit holds no run longer than it takes to look at it.
 */
interface RunReview {
    /** A verify run of the period. */
    default void verify(RunRecord run) {
    }

    /** A restore-test run of the period. */
    default void restore(RunRecord run) {
    }
}
