package io.backupverify.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Builds backup folders on disk for tests. */
public final class BackupTree {
    private final Path root;

    public BackupTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A backup folder with the given files (name, content pairs) and a SHA256SUMS manifest. */
    public Path backup(String name, Instant time, String... namesAndContents) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        StringBuilder manifest = new StringBuilder();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
            Path file = dir.resolve(namesAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            Files.setLastModifiedTime(file, FileTime.from(time));
            manifest.append(sha256(content)).append("  ").append(namesAndContents[i]).append('\n');
        }
        Files.writeString(dir.resolve("SHA256SUMS"), manifest);
        Files.setLastModifiedTime(dir, FileTime.from(time));
        return dir;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
