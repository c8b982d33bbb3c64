package io.backupverify.engine.restore.database;

import java.io.IOException;

/** The dump itself is wrong (cut short, several databases where one is restored): the restore test FAILs. */
public final class DumpContentException extends IOException {
    private static final long serialVersionUID = 1L;

    public DumpContentException(String message) {
        super(message);
    }
}
