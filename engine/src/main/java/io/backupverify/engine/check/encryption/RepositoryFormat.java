package io.backupverify.engine.check.encryption;

import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a backup tool's repository kept as plain files (a restic, borg or kopia repository copied to a
 * folder), whose files carry no magic bytes of their own but are encrypted by the repository's format.
 *
 * @param tool      {@code restic}, {@code borg} or {@code kopia}
 * @param encrypted whether the repository's own files show that it encrypts; null when they cannot tell
 * @param evidence  what was seen
 */
record RepositoryFormat(String tool, Boolean encrypted, String evidence) {
    private static final int SMALL_FILE = 64 * 1024;
    private static final Pattern RESTIC_KEY = Pattern.compile("\"kdf\"\\s*:\\s*\"scrypt\"");
    private static final Pattern BORG_README = Pattern.compile("This is a Borg Backup repository");
    private static final Pattern BORG_REPOKEY = Pattern.compile("(?m)^\\s*key\\s*=\\s*\\S+");
    private static final Pattern KOPIA_ENCRYPTION = Pattern.compile("\"encryption\"\\s*:\\s*\"([^\"]*)\"");

    /**
     * The repository whose root is {@code folder} ("" for the target's root), judged from the entries below it.
     */
    static Optional<RepositoryFormat> recognise(Target target, String folder, List<Entry> entries)
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
                    "a restic repository (scrypt-protected key " + resticKey.get().name() + ")"));
        }
        Optional<Entry> readme = file(entries, prefix + "README");
        if (readme.isPresent() && BORG_README.matcher(head(target, readme.get())).find()) {
            if (config.isPresent() && BORG_REPOKEY.matcher(head(target, config.get())).find()) {
                return Optional.of(new RepositoryFormat("borg", true,
                        "a borg repository whose config holds its encrypted key (repokey)"));
            }
            return Optional.of(new RepositoryFormat("borg", null, "a borg repository without a key in its config: "
                    + "its key is kept elsewhere (keyfile mode) or it is not encrypted; its files cannot tell"));
        }
        Optional<Entry> kopia = file(entries, prefix + "kopia.repository.f")
                .or(() -> file(entries, prefix + "kopia.repository"));
        if (kopia.isPresent()) {
            var matcher = KOPIA_ENCRYPTION.matcher(head(target, kopia.get()));
            if (matcher.find()) {
                String algorithm = matcher.group(1);
                boolean none = algorithm.isBlank() || algorithm.equalsIgnoreCase("NONE");
                return Optional.of(new RepositoryFormat("kopia", !none, "a kopia repository (encryption "
                        + (none ? "none" : algorithm) + ")"));
            }
            return Optional.of(new RepositoryFormat("kopia", null,
                    "a kopia repository whose format file does not say how it encrypts"));
        }
        return Optional.empty();
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
