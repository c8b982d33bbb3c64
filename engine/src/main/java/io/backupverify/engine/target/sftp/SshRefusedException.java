package io.backupverify.engine.target.sftp;

import java.io.IOException;

/** The server or its key was refused, or the login was: trying again cannot help. */
final class SshRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    SshRefusedException(String message) {
        super(message);
    }
}
