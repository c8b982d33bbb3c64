package io.backupverify.engine.testing;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.SetResult;
import java.util.Map;
import java.util.stream.Collectors;

/** A set's verdicts by check id, and its summaries for assertion messages. */
public final class SetResults {
    private SetResults() {
    }

    public static Map<String, Status> statuses(SetResult set) {
        return set.checks().stream().collect(Collectors.toMap(CheckResult::id, CheckResult::status));
    }

    public static String messages(SetResult set) {
        return set.checks().stream().map(r -> r.id() + ": " + r.summary()).collect(Collectors.joining("\n"));
    }
}
