package io.backupverify.engine.restore.database;

import java.io.IOException;

/** The dump itself is wrong (cut short, several databases where one is restored): the restore test FAILs. */
public class DumpContentException extends IOException {
    private static final long serialVersionUID = 1L;

    public DumpContentException(String message) {
        super(message);
    }

    /**
     * The dump may be whole, but it is not one a restore test can restore (several databases where one is restored
     * into the scratch database): the restore test cannot be carried out (ERROR), which says nothing against it.
     */
    public static final class NotTestable extends DumpContentException {
        private static final long serialVersionUID = 1L;

        public NotTestable(String message) {
            super(message);
        }
    }
}
