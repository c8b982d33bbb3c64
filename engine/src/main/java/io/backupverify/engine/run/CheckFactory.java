package io.backupverify.engine.run;

import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.access.AccessCheck;
import io.backupverify.engine.check.capacity.CapacityCheck;
import io.backupverify.engine.check.completeness.CompletenessCheck;
import io.backupverify.engine.check.copies.CopiesCheck;
import io.backupverify.engine.check.encryption.EncryptionCheck;
import io.backupverify.engine.check.freshness.FreshnessCheck;
import io.backupverify.engine.check.immutability.ImmutabilityCheck;
import io.backupverify.engine.check.integrity.IntegrityCheck;
import io.backupverify.engine.check.readable.ReadableCheck;
import io.backupverify.engine.check.retention.RetentionCheck;
import io.backupverify.engine.check.window.WindowCheck;
import io.backupverify.engine.plan.ChecksSpec;
import java.util.ArrayList;
import java.util.List;

/** The checks a set's plan configures, in report order. */
public final class CheckFactory {
    private CheckFactory() {
    }

    public static List<Check> create(ChecksSpec spec) {
        List<Check> checks = new ArrayList<>();
        if (spec.freshness() != null) {
            checks.add(new FreshnessCheck(spec.freshness()));
        }
        if (spec.completeness() != null) {
            checks.add(new CompletenessCheck(spec.completeness()));
        }
        if (spec.integrity() != null) {
            checks.add(new IntegrityCheck(spec.integrity()));
        }
        if (spec.readable() != null) {
            checks.add(new ReadableCheck(spec.readable()));
        }
        if (spec.retention() != null) {
            checks.add(new RetentionCheck(spec.retention()));
        }
        if (spec.window() != null) {
            checks.add(new WindowCheck(spec.window()));
        }
        if (spec.capacity() != null) {
            checks.add(new CapacityCheck(spec.capacity()));
        }
        if (spec.encryption() != null) {
            checks.add(new EncryptionCheck(spec.encryption()));
        }
        if (spec.access() != null) {
            checks.add(new AccessCheck(spec.access()));
        }
        if (spec.immutability() != null) {
            checks.add(new ImmutabilityCheck(spec.immutability()));
        }
        if (spec.copies() != null) {
            checks.add(new CopiesCheck(spec.copies()));
        }
        return checks;
    }
}
