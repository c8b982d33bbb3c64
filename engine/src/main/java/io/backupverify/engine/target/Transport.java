package io.backupverify.engine.target;

/**
 * How a target is reached, for the encryption-in-transit question.
 *
 * @param kind      {@code local}, {@code https}, {@code http}, {@code ssh}, {@code nfs}, ...
 * @param encrypted whether the way is encrypted; null when that cannot be told
 * @param detail    what was seen, for the report (a TLS protocol version, a mount type); never a secret
 */
public record Transport(String kind, Boolean encrypted, String detail) {
    /** A folder on a local disk: backup data does not cross a network to be read. */
    public static Transport localDisk(String detail) {
        return new Transport("local", null, detail);
    }

    public boolean isLocal() {
        return kind.equals("local");
    }
}
