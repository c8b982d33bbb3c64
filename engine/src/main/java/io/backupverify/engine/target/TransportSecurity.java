package io.backupverify.engine.target;

import java.io.IOException;

/** A target that can tell how it is reached: over TLS, SSH, plain HTTP, a network mount or a local disk. */
public interface TransportSecurity {
    Transport transport() throws IOException;
}
