package io.backupverify.engine.target.sftp;

import java.io.IOException;

/**
 * A file's size or modification time differed when its read was resumed after a dropped connection: the bytes read
 * before and after would be of two versions of it. Trying again cannot help.
 */
final class ChangedWhileReadException extends IOException {
    private static final long serialVersionUID = 1L;

    ChangedWhileReadException(String message) {
        super(message);
    }
}
