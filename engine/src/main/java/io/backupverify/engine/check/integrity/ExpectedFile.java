package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.target.Entry;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A file to read and the digest its manifest expects. Built when the file is read, from the read
 * list's columns, because a backup may list a great many files.
 *
 * @param backup     the backup the file belongs to
 * @param listed     the entry the manifest names; its path is the item findings name
 * @param read       the regular file to read: the listed entry itself, or the file a link inside the backup
 *                   points to
 * @param manifest   the manifest's name, for messages
 * @param line       the manifest line
 * @param key        the file's name in the coverage ledger (the path that decides its sample slice)
 * @param row        the file's place among the files the manifests list
 */
record ExpectedFile(Backup backup, Entry listed, Entry read, ChecksumAlgorithm algorithm, byte[] digest,
        String manifest, int line, String key, int row) {

    String item() {
        return listed.path();
    }

    boolean matches(byte[] computed) {
        return MessageDigest.isEqual(digest, computed);
    }

    String expectedHex() {
        return HexFormat.of().formatHex(digest);
    }

    /** Where the expectation comes from: {@code SHA256SUMS line 4}. */
    String origin() {
        return manifest + " line " + line;
    }
}
