package io.backupverify.engine.check.readable;

import java.io.IOException;

/** The file's content is not what its format requires: truncated, corrupt or incomplete. */
final class BrokenFileException extends IOException {
    private static final long serialVersionUID = 1L;

    BrokenFileException(String message) {
        super(message);
    }
}
