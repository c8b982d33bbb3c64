package io.backupverify.engine.target;

import java.io.IOException;

/**
 * A target whose files carry a POSIX owner, group and permission bits: local folders and SFTP servers. Object
 * stores have no such thing and do not implement this.
 */
public interface PosixAttributes {
    /** The owner, group and mode of a path, without following a symbolic link. */
    PosixFileInfo posix(String path) throws IOException;
}
