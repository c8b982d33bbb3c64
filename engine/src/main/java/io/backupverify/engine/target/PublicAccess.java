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
}
