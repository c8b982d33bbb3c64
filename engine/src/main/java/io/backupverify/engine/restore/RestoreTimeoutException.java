package io.backupverify.engine.restore;

import io.backupverify.engine.plan.DurationValue;
import java.io.IOException;
import java.time.Duration;

/** The restore test ran past its time limit and was stopped. */
final class RestoreTimeoutException extends IOException {
    RestoreTimeoutException(Duration limit) {
        super("the restore test did not finish within " + DurationValue.format(limit) + " and was stopped");
    }
}
