package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import java.time.Instant;

/** A check's verdict on a set in the latest verify run that ran it. */
public record LatestCheck(String set, String check, Status status, Instant at, String summary) {
}
