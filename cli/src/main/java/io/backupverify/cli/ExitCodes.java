package io.backupverify.cli;

/** The command's exit codes; docs/exit-codes.md documents them. */
public final class ExitCodes {
    public static final int PASS = 0;
    public static final int WARN = 1;
    public static final int FAIL = 2;
    public static final int ERROR = 3;
    /** A bad command line or plan (EX_USAGE). */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
