package io.backupverify.engine.target;

import java.io.IOException;
import java.util.Map;

/** A target whose files may carry POSIX access control lists: local folders. */
public interface AccessControlLists {
    /**
     * The access control lists of the target folder and everything below it, by target path ({@code ""} for the
     * target folder); files whose permissions are only their mode bits are absent.
     *
     * @throws UnansweredException when the lists cannot be read, so whoever they let write is unknown
     */
    Map<String, PosixAcl> accessControlLists() throws IOException;
}
