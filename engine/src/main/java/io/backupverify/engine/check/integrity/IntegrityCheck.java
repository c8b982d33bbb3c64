package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.plan.IntegritySpec;

/** Reads files and compares them with their checksum manifest. */
public final class IntegrityCheck implements Check {
    public static final String ID = "integrity";

    private final IntegritySpec spec;

    public IntegrityCheck(IntegritySpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult run(CheckContext context) {
        return CheckResult.error(ID, "integrity verification is not available in this build (" + spec + ")");
    }
}
