package io.backupverify.engine.check;

import java.io.IOException;

/**
 * One verification of a backup set. A check that cannot be carried out throws (or returns ERROR); it never
 * passes for want of evidence.
 */
public interface Check {
    /** The id used in plans and reports: {@code freshness}, {@code integrity}, ... */
    String id();

    CheckResult run(CheckContext context) throws IOException, InterruptedException;

    /**
     * One short line saying what to do about a FAIL or ERROR finding this check made. Checks override it for
     * advice that knows their findings; the default still tells the reader where to start.
     */
    default String advice(Finding finding, CheckContext context) {
        return Advice.general(finding);
    }
}
