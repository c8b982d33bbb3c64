package io.backupverify.engine.check.readable;

import java.io.IOException;

/** The files beside the one being read: pg_dump's directory format keeps its data files beside its toc.dat. */
interface Siblings {
    /** Whether a file of that name is in the same folder. */
    boolean exists(String name);

    /**
     * The last bytes, up to {@code count}, of the file of that name in the same folder.
     *
     * @throws SiblingUnreadableException when it cannot be read
     */
    byte[] tail(String name, int count) throws IOException;

    /** A file beside the one being read could not be read: the check could not be carried out, not a broken file. */
    final class SiblingUnreadableException extends IOException {
        private static final long serialVersionUID = 1L;

        SiblingUnreadableException(String name, IOException cause) {
            super(name + ": " + cause.getMessage(), cause);
        }
    }
}
