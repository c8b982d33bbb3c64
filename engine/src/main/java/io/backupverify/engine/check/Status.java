package io.backupverify.engine.check;

/**
 * The verdict of a check, a backup set or a run, ordered from best to worst.
 * ERROR means the check could not be carried out; it is never folded into PASS.
 */
public enum Status {
    PASS(0), WARN(1), FAIL(2), ERROR(3);

    private final int exitCode;

    Status(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code documented for this verdict (0 PASS, 1 WARN, 2 FAIL, 3 ERROR). */
    public int exitCode() {
        return exitCode;
    }

    public Status worst(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public boolean isWorseThan(Status other) {
        return ordinal() > other.ordinal();
    }

    public static Status worstOf(Iterable<Status> statuses, Status empty) {
        Status worst = null;
        for (Status status : statuses) {
            worst = worst == null ? status : worst.worst(status);
        }
        return worst == null ? empty : worst;
    }
}
