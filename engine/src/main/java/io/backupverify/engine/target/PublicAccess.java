package io.backupverify.engine.target;

import java.io.IOException;
import java.util.List;

/**
 * A store that can be opened to the public (an S3 bucket policy or ACL, an Azure container's public access
 * level) and can say whether it is.
 */
public interface PublicAccess {
    /** Every way the public can read or write the backups, each named (a grant, a policy, an access level). */
    List<String> publicGrants() throws IOException;

    /**
     * Whether each object's own access list can open it to the public, so that {@link #objectGrants} must be asked
     * of every file; false where the store has no such lists or ignores them.
     */
    default boolean objectGrantsApply() throws IOException {
        return false;
    }

    /** Every way the public can read or change one file through its own access list, each named. */
    default List<String> objectGrants(String path) throws IOException {
        return List.of();
    }
}
