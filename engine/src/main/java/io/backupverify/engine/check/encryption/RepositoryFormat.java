package io.backupverify.engine.check.encryption;

import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Recognises a backup tool's repository kept as plain files (a restic, borg or kopia repository copied to a
 * folder), whose files carry no magic bytes of their own but are encrypted by the repository's format.
 *
 * Only the files the tool itself writes, by their names in its layout, count as the repository's: a plaintext dump
 * left beside them (or copied into the repository's folder) is not encrypted by it.
 *
 * @param tool      {@code restic}, {@code borg} or {@code kopia}
 * @param encrypted whether the repository's own files show that it encrypts; null when they cannot tell
 * @param evidence  what was seen
 * @param root      the repository's folder with a trailing {@code /}, or "" for the target's root
 */
record RepositoryFormat(String tool, Boolean encrypted, String evidence, String root) {
    private static final int SMALL_FILE = 64 * 1024;
    private static final Pattern RESTIC_KEY = Pattern.compile("\"kdf\"\\s*:\\s*\"scrypt\"");
    private static final Pattern BORG_README = Pattern.compile("This is a Borg Backup repository");
    private static final Pattern BORG_SEGMENT = Pattern.compile("data/\\d+/\\d+");
    private static final int BORG_SEGMENTS_LOOKED_AT = 16;
    private static final Pattern KOPIA_ENCRYPTION = Pattern.compile("\"encryption\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern RESTIC_FILE = Pattern.compile(
            "config|(?:keys|snapshots|index|locks)/[0-9a-f]{64}|data/[0-9a-f]{2}/[0-9a-f]{64}");
    private static final Pattern BORG_FILE = Pattern.compile(
            "README|config|nonce|lock\\.roster|lock\\.exclusive/.+|(?:hints|index|integrity)\\.\\d+|data/\\d+/\\d+");
    private static final Pattern KOPIA_FILE = Pattern.compile("(?:.*/)?(?:[^/]+\\.f|\\.shards)");

    /**
     * Every repository in {@code folder} ("" for the target's root) or in a folder below it (a backup folder that
     * holds the repository in a subfolder, or several). Only folders with the tool's marker files are looked at:
     * restic's {@code config} beside {@code keys/}, borg's {@code README} beside {@code config}, kopia's format file.
     */
    static List<RepositoryFormat> within(Target target, String folder, List<Entry> entries) throws IOException {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        Set<String> files = new HashSet<>();
        Set<String> keyFolders = new HashSet<>();
        for (Entry entry : entries) {
            if (entry.isFile() && entry.path().startsWith(prefix)) {
                files.add(entry.path());
                String parent = parent(entry.path());
                if (parent.equals("keys") || parent.endsWith("/keys")) {
                    keyFolders.add(parent(parent));
                }
            }
        }
        Set<String> roots = new TreeSet<>();
        for (String path : files) {
            String root = parent(path);
            String name = path.substring(root.isEmpty() ? 0 : root.length() + 1);
            String sibling = root.isEmpty() ? "" : root + "/";
            boolean marked = switch (name) {
                case "config" -> keyFolders.contains(root) || files.contains(sibling + "README");
                case "kopia.repository.f", "kopia.repository" -> true;
                default -> false;
            };
            if (marked) {
                roots.add(root);
            }
        }
        List<RepositoryFormat> found = new ArrayList<>();
        for (String root : roots) {
            recognise(target, root, entries).ifPresent(found::add);
        }
        return found;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * The repository whose root is {@code folder} ("" for the target's root), judged from the entries below it.
     */
    private static Optional<RepositoryFormat> recognise(Target target, String folder, List<Entry> entries)
            throws IOException {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        Optional<Entry> config = file(entries, prefix + "config");
        Optional<Entry> resticKey = entries.stream()
                .filter(e -> e.isFile() && e.path().startsWith(prefix + "keys/")
                        && e.path().indexOf('/', prefix.length() + 5) < 0)
                .findFirst();
        if (config.isPresent() && resticKey.isPresent()
                && RESTIC_KEY.matcher(head(target, resticKey.get())).find()) {
            return Optional.of(new RepositoryFormat("restic", true,
                    "a restic repository (scrypt-protected key " + resticKey.get().name() + ")", prefix));
        }
        Optional<Entry> readme = file(entries, prefix + "README");
        if (readme.isPresent() && BORG_README.matcher(head(target, readme.get())).find()) {
            return Optional.of(borg(target, prefix, entries));
        }
        Optional<Entry> kopia = file(entries, prefix + "kopia.repository.f")
                .or(() -> file(entries, prefix + "kopia.repository"));
        if (kopia.isPresent()) {
            var matcher = KOPIA_ENCRYPTION.matcher(head(target, kopia.get()));
            if (matcher.find()) {
                String algorithm = matcher.group(1);
                boolean none = algorithm.isBlank() || algorithm.equalsIgnoreCase("NONE");
                return Optional.of(new RepositoryFormat("kopia", !none, "a kopia repository (encryption "
                        + (none ? "none" : algorithm) + ")", prefix));
            }
            return Optional.of(new RepositoryFormat("kopia", null,
                    "a kopia repository whose format file does not say how it encrypts", prefix));
        }
        return Optional.empty();
    }

    /**
     * A borg repository, judged by the key type byte that opens every chunk it stores (borg 1.x, {@code
     * borg/crypto/key.py}): its config holds a key both when it encrypts ({@code repokey}) and when it only signs
     * ({@code --encryption=authenticated}, whose chunks anyone can read), and holds none both in {@code keyfile} mode
     * (encrypted) and with {@code --encryption=none}. The first chunk of the lowest-numbered segment tells.
     */
    private static RepositoryFormat borg(Target target, String prefix, List<Entry> entries) throws IOException {
        List<Entry> segments = entries.stream()
                .filter(e -> e.isFile() && e.path().startsWith(prefix + "data/")
                        && BORG_SEGMENT.matcher(e.path().substring(prefix.length())).matches())
                .sorted(java.util.Comparator.comparingLong(e -> segmentNumber(e.path())))
                .limit(BORG_SEGMENTS_LOOKED_AT).toList();
        for (Entry segment : segments) {
            int type;
            try (InputStream in = target.open(segment.path())) {
                type = BorgSegment.firstChunkType(in);
            }
            if (type < 0) {
                continue;
            }
            String mode = switch (type) {
                case 0x00 -> "keyfile";
                case 0x01 -> "passphrase";
                case 0x03 -> "repokey";
                case 0x04 -> "keyfile-blake2";
                case 0x05 -> "repokey-blake2";
                default -> null;
            };
            if (mode != null) {
                return new RepositoryFormat("borg", true, "a borg repository whose chunks are encrypted (" + mode
                        + ", seen in " + segment.name() + ")", prefix);
            }
            if (type == 0x02 || type == 0x06 || type == 0x07) {
                return new RepositoryFormat("borg", false, "a borg repository that does not encrypt: its chunks are "
                        + (type == 0x02 ? "plaintext (--encryption=none)" : "only signed, readable by anyone with "
                        + "the files (--encryption=authenticated" + (type == 0x06 ? "-blake2" : "") + ")")
                        + "; create it with --encryption=repokey or keyfile", prefix);
            }
            return new RepositoryFormat("borg", null, "a borg repository whose chunks are of a kind this check does "
                    + "not know (key type 0x" + Integer.toHexString(type) + " in " + segment.name() + ")", prefix);
        }
        return new RepositoryFormat("borg", null, "a borg repository with no chunk in its data segments: whether it "
                + "encrypts cannot be told from its files (a key in its config is there in the authenticated mode "
                + "too, which does not encrypt)", prefix);
    }

    private static long segmentNumber(String path) {
        try {
            return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Whether the file at this path on the target is one the repository's tool writes, by its place and name. */
    boolean holds(String path) {
        if (!path.startsWith(root)) {
            return false;
        }
        String inside = path.substring(root.length());
        Pattern layout = switch (tool) {
            case "restic" -> RESTIC_FILE;
            case "borg" -> BORG_FILE;
            default -> KOPIA_FILE;
        };
        return layout.matcher(inside).matches();
    }

    private static Optional<Entry> file(List<Entry> entries, String path) {
        return entries.stream().filter(e -> e.isFile() && e.path().equals(path)).findFirst();
    }

    private static String head(Target target, Entry entry) throws IOException {
        try (InputStream in = target.open(entry.path())) {
            return new String(in.readNBytes(SMALL_FILE), StandardCharsets.ISO_8859_1);
        }
    }
}
