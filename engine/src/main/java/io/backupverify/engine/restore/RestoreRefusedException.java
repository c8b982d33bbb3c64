package io.backupverify.engine.restore;

import java.io.IOException;

/**
 * The backup holds something that must not be restored: an entry that would land outside the scratch folder,
 * write through a link, overwrite an earlier entry, a device file, or more data than the limits allow. A FAIL
 * that names the entry.
 */
public final class RestoreRefusedException extends IOException {
    private final String item;

    public RestoreRefusedException(String item, String reason) {
        super(reason);
        this.item = item;
    }

    /** The entry or file refused, as named in the backup. */
    public String item() {
        return item;
    }
}
