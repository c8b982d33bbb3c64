package io.backupverify.engine.backup;

import io.backupverify.engine.plan.WindowSpec;
import java.util.List;
import java.util.Locale;

/**
 * Names of checksum files (manifests, sidecars and their signatures) and of backup metadata files, which sit in or
 * beside backups but are not backup data themselves.
 */
public final class ChecksumFileNames {
    /** Sidecar endings, in the order they are looked for. */
    public static final List<String> SIDECAR_SUFFIXES = List.of(".sha256", ".sha512", ".sha1", ".md5");
    /** Manifest names recognised without configuration, in the order they are looked for. */
    public static final List<String> MANIFEST_NAMES = List.of("SHA256SUMS", "SHA512SUMS", "SHA1SUMS", "MD5SUMS");

    /** Endings of detached signatures of checksum files, such as {@code SHA256SUMS.asc}. */
    public static final List<String> SIGNATURE_SUFFIXES = List.of(".asc", ".sig", ".gpg");
    /** The default name of the marker file that records when a backup ran (see the window check). */
    public static final String DEFAULT_MARKER = WindowSpec.DEFAULT_MARKER;

    private ChecksumFileNames() {
    }

    /** Manifests, sidecars and their signatures. */
    public static boolean isChecksumFile(String name) {
        for (String suffix : SIGNATURE_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return isPlainChecksumFile(name.substring(0, name.length() - suffix.length()));
            }
        }
        return isPlainChecksumFile(name);
    }

    /** Checksum files and the marker file, in a folder backup or beside a file backup. */
    public static boolean isMetadataFile(String name) {
        return isChecksumFile(name) || name.equals(DEFAULT_MARKER) || name.endsWith("." + DEFAULT_MARKER);
    }

    private static boolean isPlainChecksumFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return MANIFEST_NAMES.contains(name.toUpperCase(Locale.ROOT))
                || SIDECAR_SUFFIXES.stream().anyMatch(lower::endsWith)
                || lower.endsWith("sums") && MANIFEST_NAMES.stream().anyMatch(m -> lower.startsWith(
                        m.substring(0, m.length() - 4).toLowerCase(Locale.ROOT)));
    }
}
