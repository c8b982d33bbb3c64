package io.backupverify.engine.backup;

import java.util.List;
import java.util.Locale;

/** Names of checksum files, which sit beside backups but are not backups themselves. */
public final class ChecksumFileNames {
    /** Sidecar endings, in the order they are looked for. */
    public static final List<String> SIDECAR_SUFFIXES = List.of(".sha256", ".sha512", ".sha1", ".md5");
    /** Manifest names recognised without configuration, in the order they are looked for. */
    public static final List<String> MANIFEST_NAMES = List.of("SHA256SUMS", "SHA512SUMS", "SHA1SUMS", "MD5SUMS");

    private ChecksumFileNames() {
    }

    public static boolean isChecksumFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return MANIFEST_NAMES.contains(name.toUpperCase(Locale.ROOT))
                || SIDECAR_SUFFIXES.stream().anyMatch(lower::endsWith)
                || lower.endsWith("sums") && MANIFEST_NAMES.stream().anyMatch(m -> lower.startsWith(
                        m.substring(0, m.length() - 4).toLowerCase(Locale.ROOT)));
    }
}
