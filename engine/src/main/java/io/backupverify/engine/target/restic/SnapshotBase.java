package io.backupverify.engine.target.restic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder inside a snapshot's tree that its files are shown from. A snapshot of one absolute folder
 * ({@code restic backup /var/backups/orders}) holds that folder at its full path; one of a relative folder
 * ({@code cd /var/backups && restic backup orders}) holds it as {@code /orders} although the snapshot records
 * {@code /var/backups/orders}; one of a single file or of {@code --stdin} holds the file, so the folder is the
 * file's. The base is the longest tail of the recorded path that the tree holds as a folder, or the folder of a
 * tail it holds as a file; with several paths, or when nothing fits, the tree's root, so that no file is ever
 * left out.
 */
final class SnapshotBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotBase() {
    }

    /**
     * @param paths   the paths the snapshot records
     * @param listing the output of {@code restic ls --json} for the snapshot
     */
    static String of(List<String> paths, Path listing) throws IOException {
        if (paths.size() != 1) {
            return "";
        }
        List<String> tails = tails(ResticTarget.trimSlash(paths.get(0)));
        Map<String, Boolean> found = new HashMap<>();
        forEachNode(listing, node -> {
            String path = ResticTarget.trimSlash(node.path("path").asText());
            if (tails.contains(path)) {
                found.put(path, "dir".equals(node.path("type").asText()));
            }
        });
        for (String tail : tails) {
            Boolean folder = found.get(tail);
            if (folder != null) {
                return folder ? tail : parent(tail);
            }
        }
        return "";
    }

    /** Hands each node of a {@code restic ls --json} listing to the visitor, in the listing's order. */
    static void forEachNode(Path listing, NodeVisitor visitor) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(listing, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if ("node".equals(node.path("struct_type").asText())) {
                    visitor.accept(node);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("restic ls printed JSON this version cannot read: " + e.getMessage());
        }
    }

    /** What is done with each node of a listing. */
    @FunctionalInterface
    interface NodeVisitor {
        void accept(JsonNode node) throws IOException;
    }

    /** {@code a/b/c}, {@code b/c}, {@code c}: longest first. */
    private static List<String> tails(String path) {
        List<String> tails = new ArrayList<>();
        if (path.isEmpty()) {
            return tails;
        }
        String tail = path;
        while (true) {
            tails.add(tail);
            int slash = tail.indexOf('/');
            if (slash < 0) {
                return tails;
            }
            tail = tail.substring(slash + 1);
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
