package io.backupverify.engine.util;

/** What a LinkageError says: a class an installation lacks, or has in another version. */
public final class LinkageErrors {
    private LinkageErrors() {
    }

    /** The class the error names, with dots, or the error's kind when it names none. */
    public static String missingClass(LinkageError e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('/', '.');
    }
}
