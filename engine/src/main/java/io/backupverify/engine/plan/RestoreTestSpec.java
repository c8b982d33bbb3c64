package io.backupverify.engine.plan;

import java.util.List;

/**
 * A restore test for a backup set: which backup to restore, how, what to check afterwards and how long it may
 * take. Run by {@code backup-verify restore-test}, not by {@code verify}.
 *
 * @param select   which backup: {@code latest} (default), {@code oldest-kept} or {@code random-within: 30d}
 * @param rto      the recovery time objective: the whole restore test must finish within it, else FAIL
 * @param timeout  when the restore is abandoned (FAIL, scratch removed); default: twice the RTO, else 24h
 * @param restore  how to restore: {@code kind} and that kind's keys
 * @param validate what must hold for the restored data
 */
public record RestoreTestSpec(RestoreSelect select, DurationValue rto, DurationValue timeout, RestoreSpec restore,
        List<ValidationSpec> validate) {
    public RestoreTestSpec {
        select = select == null ? RestoreSelect.LATEST : select;
        validate = validate == null ? List.of() : List.copyOf(validate);
    }
}
