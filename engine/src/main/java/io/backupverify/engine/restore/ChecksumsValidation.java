package io.backupverify.engine.restore;

import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.checksum.Manifest;
import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.checksum.ManifestParser;
import io.backupverify.engine.checksum.ManifestProblem;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The restored files (not the archive they came in) against a checksum manifest. The manifest is looked for in
 * the restored data first, then beside the backup on the target. Every file it names must be restored and match;
 * restored files it does not name are a warning.
 */
final class ChecksumsValidation implements Validation {
    private static final int MAX_UNLISTED_NAMED = 5;

    private final String manifestName;

    ChecksumsValidation(String manifestName) {
        this.manifestName = manifestName;
    }

    @Override
    public String describe() {
        return "checksums " + manifestName;
    }

    @Override
    public List<Finding> run(Restored restored, RestoreJob job) throws IOException, InterruptedException {
        Manifest manifest = load(restored, job);
        if (manifest == null) {
            return List.of(Finding.error(manifestName, "no such manifest in the restored data or beside the backup"));
        }
        List<Finding> findings = new ArrayList<>();
        for (ManifestProblem problem : manifest.report().problems()) {
            findings.add(Finding.warn(manifestName, manifest.report().describe(problem)));
        }
        if (manifest.entries().isEmpty()) {
            findings.add(Finding.error(manifestName, "the manifest lists no files, so nothing was compared"));
            return findings;
        }
        Path root = restored.folder();
        Set<String> listed = new HashSet<>();
        byte[] buffer = new byte[1 << 20];
        for (ManifestEntry entry : manifest.entries()) {
            String name = entry.name().startsWith("./") ? entry.name().substring(2) : entry.name();
            listed.add(name);
            Path file = root.resolve(name).normalize();
            if (name.isEmpty() || name.startsWith("/") || !file.startsWith(root)) {
                findings.add(Finding.fail(entry.name(), "the manifest names a path outside the restored data"));
                continue;
            }
            if (!Files.isRegularFile(file)) {
                findings.add(Finding.fail(name, "listed in " + manifestName + " but not in the restored data"));
                continue;
            }
            byte[] actual = digest(file, entry.algorithm().newDigest(), buffer);
            if (!entry.matches(actual)) {
                findings.add(Finding.fail(name, "restored content differs from " + manifestName + ": expected "
                        + entry.algorithm().displayName() + " " + entry.digestHex() + ", restored "
                        + HexFormat.of().formatHex(actual)));
            }
        }
        findings.addAll(unlisted(root, listed));
        return findings;
    }

    private List<Finding> unlisted(Path root, Set<String> listed) throws IOException {
        List<String> extra = RequiredFilesValidation.RestoredFiles.list(root).stream()
                .filter(name -> !listed.contains(name) && !name.equals(manifestName)
                        && !ChecksumFileNames.isMetadataFile(name.substring(name.lastIndexOf('/') + 1)))
                .sorted().toList();
        if (extra.isEmpty()) {
            return List.of();
        }
        String named = String.join(", ", extra.subList(0, Math.min(MAX_UNLISTED_NAMED, extra.size())))
                + (extra.size() > MAX_UNLISTED_NAMED ? ", ..." : "");
        return List.of(Finding.warn(manifestName, extra.size() + " restored file(s) not in the manifest, so not "
                + "compared: " + named));
    }

    private Manifest load(Restored restored, RestoreJob job) throws IOException {
        Path inside = restored.folder() == null ? null : restored.folder().resolve(manifestName);
        if (inside != null && Files.isRegularFile(inside, LinkOption.NOFOLLOW_LINKS)) {
            try (InputStream in = Files.newInputStream(inside, LinkOption.NOFOLLOW_LINKS)) {
                return ManifestParser.parse(manifestName, in);
            }
        }
        String path = besideBackup(job);
        try (InputStream in = job.open(path)) {
            return ManifestParser.parse(manifestName, in);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IOException("cannot read " + path + ": " + IoErrors.describe(e), e);
        }
    }

    /** Where the manifest is on the target: in the backup's folder, or beside a file backup. */
    private String besideBackup(RestoreJob job) {
        String backupPath = job.backup().path();
        if (job.backup().directory()) {
            return backupPath + "/" + manifestName;
        }
        int slash = backupPath.lastIndexOf('/');
        return slash < 0 ? manifestName : backupPath.substring(0, slash + 1) + manifestName;
    }

    private static byte[] digest(Path file, MessageDigest digest, byte[] buffer) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
                RestoreJob.checkInterrupted();
            }
        }
        return digest.digest();
    }
}
