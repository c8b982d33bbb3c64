package io.backupverify.engine.target;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** A store that can tell when each of its encryption keys was made (restic's {@code key list}, a KMS key). */
public interface KeyAges {
    /** Each key's id (never its secret) and when it was made. */
    Map<String, Instant> keysCreated() throws IOException;
}
