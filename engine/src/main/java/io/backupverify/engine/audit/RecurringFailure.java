package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import java.time.Instant;

/**
 * The same check failing (FAIL or ERROR) on the same set in several runs of the period.
 *
 * @param kind         verify or restore-test
 * @param stillFailing whether the latest run of that check on that set failed too
 * @param lastSummary  what the check said the last time it failed
 */
public record RecurringFailure(String kind, String set, String check, int count, int runs, Instant firstSeen,
        Instant lastSeen, Status worst, boolean stillFailing, String lastSummary) {
}
