package io.backupverify.engine.check.copies;

import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.checksum.Manifest;
import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.checksum.ManifestParser;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The digests a folder backup's checksum manifest gives, by path inside the backup. */
final class ManifestDigests {
    private ManifestDigests() {
    }

    /** algorithm:hex per relative path, or empty when the backup has no readable manifest at its top. */
    static Optional<Map<String, String>> read(Target target, BackupContents contents) throws IOException {
        if (!contents.backup().directory()) {
            return Optional.empty();
        }
        for (String name : ChecksumFileNames.MANIFEST_NAMES) {
            String path = contents.backup().path() + "/" + name;
            Optional<Entry> manifest = contents.entries().stream().filter(e -> e.isFile() && e.path().equals(path))
                    .findFirst();
            if (manifest.isPresent()) {
                Manifest parsed;
                try (InputStream in = target.open(path)) {
                    parsed = ManifestParser.parse(path, in);
                }
                Map<String, String> digests = new HashMap<>();
                for (ManifestEntry entry : parsed.entries()) {
                    digests.put(normalise(entry.name()), entry.algorithm().name() + ":" + entry.digestHex());
                }
                return Optional.of(digests);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        String result = name;
        while (result.startsWith("./")) {
            result = result.substring(2);
        }
        return result;
    }
}
