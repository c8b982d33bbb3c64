package io.backupverify.engine.check.freshness;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.FreshnessSpec;
import java.time.Duration;
import java.util.Optional;

/** The newest backup is no older than the recovery point objective. */
public final class FreshnessCheck implements Check {
    public static final String ID = "freshness";

    private final FreshnessSpec spec;

    public FreshnessCheck(FreshnessSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult run(CheckContext context) {
        Duration maxAge = spec.maxAge().duration();
        CheckResult.Builder result = CheckResult.builder(ID).metric("maxAgeSeconds", maxAge.getSeconds());
        Optional<Backup> latest = context.latest();
        if (latest.isEmpty()) {
            return result.noBackupFound().build();
        }
        Backup backup = latest.get();
        Duration age = Duration.between(backup.time(), context.now());
        result.metric("latestBackup", backup.id())
                .metric("latestBackupTime", backup.time().toString())
                .metric("ageSeconds", age.getSeconds());
        if (age.isNegative() && age.abs().compareTo(Duration.ofMinutes(5)) > 0) {
            return result.finding(Finding.warn(backup.id(), "the backup time " + backup.time()
                            + " lies in the future; check the clock or the time zone of the names"))
                    .summary("newest backup " + backup.id() + " is dated in the future").build();
        }
        String ageText = DurationValue.format(age.isNegative() ? Duration.ZERO : age);
        if (age.compareTo(maxAge) > 0) {
            return result.finding(Finding.fail(backup.id(), "newest backup is " + ageText + " old, more than "
                            + spec.maxAge() + " allowed"))
                    .summary("newest backup is " + ageText + " old (max " + spec.maxAge() + ")").build();
        }
        return result.status(Status.PASS)
                .summary("newest backup " + backup.id() + " is " + ageText + " old (max " + spec.maxAge() + ")")
                .build();
    }
}
