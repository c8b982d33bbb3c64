package io.backupverify.engine.plan;

/**
 * The server a database restore test restores into: {@code { embedded: true }} (the default) starts one for the
 * test; {@code { url: jdbc:..., credentialsId: ... }} names a server where a fresh scratch database is created and
 * always dropped.
 */
public record DatabaseServerSpec(Boolean embedded, String url, String credentialsId) {
    public static final DatabaseServerSpec EMBEDDED = new DatabaseServerSpec(true, null, null);

    /** Whether a server is started for the test. */
    public boolean isEmbedded() {
        return url == null;
    }
}
