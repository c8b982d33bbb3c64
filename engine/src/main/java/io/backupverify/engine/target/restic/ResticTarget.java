package io.backupverify.engine.target.restic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.check.integrity.RepositoryIntegrity;
import io.backupverify.engine.check.integrity.SampleSelector;
import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialsUnavailableException;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.plan.IntegritySpec;
import io.backupverify.engine.plan.ResticTargetSpec;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import io.backupverify.engine.target.StorageUsage;
import io.backupverify.engine.target.KeyAges;
import io.backupverify.engine.target.SnapshotRestore;
import io.backupverify.engine.target.StoreEncryption;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.Transport;
import io.backupverify.engine.target.TransportSecurity;
import io.backupverify.engine.target.s3.S3Target;
import io.backupverify.engine.target.s3.S3Targets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A restic repository. Its root lists one folder per selected snapshot, named by restic's short id and dated by
 * the snapshot's time; inside each, the files the snapshot holds, relative to the snapshot's path when it has one.
 * Integrity is restic's own {@code check}: with a sample below 100% it reads slice n of t of the pack files
 * ({@code --read-data-subset n/t}, n rotating with the run number), at 100% all of them ({@code --read-data}).
 * Only exit codes and restic's documented JSON are judged.
 */
public final class ResticTarget implements Target, RepositoryIntegrity, StoreEncryption, KeyAges, TransportSecurity,
        SnapshotRestore {
    static final Duration LIST_LIMIT = Duration.ofMinutes(30);
    static final Duration CHECK_LIMIT = Duration.ofHours(12);
    /** A restore test's own time limit stops a restore first; this only bounds a run nothing watches. */
    static final Duration RESTORE_LIMIT = Duration.ofHours(48);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION);

    private final ResticCommand restic;
    private final ResticTargetSpec spec;
    private final String description;
    /** The repository's folder when it is on a local or mounted file system, else null. */
    private final Path localFolder;
    /** The AWS keys the plan named for the repository's storage; empty: restic's environment (AWS_*). */
    private Optional<CredentialValue> storageKeys = Optional.empty();
    private List<Snapshot> snapshots;
    private final Map<String, SnapshotTree> trees = new HashMap<>();

    /** A snapshot as {@code restic snapshots --json} describes it. */
    record Snapshot(String shortId, String id, Instant time, List<String> paths) {
    }

    /** The nodes of one snapshot, by path inside {@code base}, the folder in the snapshot they are shown from. */
    private record SnapshotTree(String base, Map<String, Entry> entries, Map<String, List<Entry>> children) {
    }

    ResticTarget(ResticCommand restic, ResticTargetSpec spec, Path localFolder) {
        this.restic = restic;
        this.spec = spec;
        this.description = spec.describe();
        this.localFolder = localFolder;
    }

    /**
     * Opens a repository with the storage credentials {@code credentialsId} named and the password
     * {@code passwordCredentialsId} names; without them, restic's own environment variables.
     */
    public static ResticTarget open(ResticTargetSpec spec, Path baseDir, Optional<CredentialValue> credentials,
            CredentialResolver resolver) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        String repository = repository(spec.repository(), baseDir);
        env.put("RESTIC_REPOSITORY", repository);
        String passwordId = spec.passwordCredentialsId();
        if (passwordId != null && !passwordId.isBlank()) {
            SecretText password;
            try {
                password = resolver.resolve(passwordId.trim(), SecretText.class, "secret text (the repository "
                        + "password)");
            } catch (CredentialsUnavailableException e) {
                throw new IOException(e.getMessage());
            }
            env.put("RESTIC_PASSWORD", password.secret().reveal());
            secrets.add(password.secret().reveal());
        } else {
            copyFromEnvironment(env, "RESTIC_PASSWORD", "RESTIC_PASSWORD_FILE", "RESTIC_PASSWORD_COMMAND");
            if (env.size() == 1) {
                throw new IOException("the restic repository needs its password: set passwordCredentialsId, or "
                        + "RESTIC_PASSWORD or RESTIC_PASSWORD_FILE in the environment");
            }
            if (env.containsKey("RESTIC_PASSWORD")) {
                secrets.add(env.get("RESTIC_PASSWORD"));
            }
        }
        if (credentials.isPresent()) {
            if (!(credentials.get() instanceof AwsKeys aws)) {
                throw new IOException("credentials '" + spec.credentialsId().trim() + "' are "
                        + credentials.get().kind() + ", but a restic repository's storage needs AWS keys");
            }
            env.put("AWS_ACCESS_KEY_ID", aws.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", aws.secretAccessKey().reveal());
            secrets.add(aws.secretAccessKey().reveal());
            if (aws.isTemporary()) {
                env.put("AWS_SESSION_TOKEN", aws.sessionToken().reveal());
                secrets.add(aws.sessionToken().reveal());
            }
        } else {
            System.getenv().forEach((key, value) -> {
                if (key.startsWith("AWS_")) {
                    env.put(key, value);
                }
            });
        }
        copyFromEnvironment(env, "RESTIC_CACHE_DIR");
        ResticTarget target = new ResticTarget(new ResticCommand(spec.command(), env, secrets), spec,
                isLocal(spec.repository()) ? Path.of(repository) : null);
        target.storageKeys = credentials;
        try {
            target.snapshots();
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
        return target;
    }

    private static boolean isLocal(String written) {
        return !written.matches("^[a-z0-9]+:.*") || written.startsWith("local:");
    }

    private static String repository(String written, Path baseDir) {
        if (!isLocal(written)) {
            return written;
        }
        String path = written.startsWith("local:") ? written.substring("local:".length()) : written;
        String expanded = path.equals("~") || path.startsWith("~/")
                ? System.getProperty("user.home") + path.substring(1) : path;
        Path resolved = Path.of(expanded);
        return (resolved.isAbsolute() || baseDir == null ? resolved : baseDir.resolve(resolved)).toString();
    }

    private static void copyFromEnvironment(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = System.getenv(name);
            if (value != null && !value.isEmpty()) {
                env.put(name, value);
            }
        }
    }

    /** The repository's folder when it is on a local or mounted file system; empty for any other backend. */
    public Optional<Path> repositoryFolder() {
        return Optional.ofNullable(localFolder);
    }

    @Override
    public String description() {
        return description;
    }

    /** The selected snapshots, read once. */
    synchronized List<Snapshot> snapshots() throws IOException {
        if (snapshots == null) {
            List<String> args = new ArrayList<>(List.of("snapshots", "--json", "--no-lock"));
            ResticTargetSpec.SnapshotFilter filter = spec.snapshots();
            if (filter.host() != null && !filter.host().isBlank()) {
                args.addAll(List.of("--host", filter.host()));
            }
            if (!filter.tags().isEmpty()) {
                args.addAll(List.of("--tag", String.join(",", filter.tags())));
            }
            for (String path : filter.paths()) {
                args.addAll(List.of("--path", path));
            }
            ResticCommand.Outcome outcome = run("snapshots", LIST_LIMIT, args);
            List<Snapshot> found = new ArrayList<>();
            try {
                for (JsonNode node : JSON.readTree(outcome.stdout().toFile())) {
                    found.add(new Snapshot(text(node, "short_id"), text(node, "id"),
                            Instant.parse(text(node, "time")), strings(node.path("paths"))));
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException("restic snapshots printed JSON this version cannot read: " + e.getMessage());
            }
            snapshots = found;
        }
        return snapshots;
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        if (folder.isEmpty()) {
            List<Entry> roots = new ArrayList<>();
            for (Snapshot snapshot : snapshots()) {
                roots.add(Entry.directory(snapshot.shortId(), snapshot.time()));
            }
            roots.sort(Comparator.comparing(Entry::path));
            return roots;
        }
        String[] parts = split(folder);
        SnapshotTree tree = tree(parts[0]);
        if (!parts[1].isEmpty()) {
            Entry entry = tree.entries().get(parts[1]);
            if (entry == null) {
                throw new NoSuchFileException(folder, null, "no such folder in the snapshot");
            }
            if (!entry.isDirectory()) {
                throw new NotDirectoryException(folder);
            }
        }
        return tree.children().getOrDefault(parts[1], List.of());
    }

    @Override
    public InputStream open(String path) throws IOException {
        String[] parts = split(path);
        Entry entry = tree(parts[0]).entries().get(parts[1]);
        if (entry == null) {
            throw new NoSuchFileException(path);
        }
        if (!entry.isFile()) {
            throw new IOException(path + " is not a file in the snapshot");
        }
        Snapshot snapshot = snapshot(parts[0]);
        return restic.stream("dump", "--no-lock", snapshot.id(), "/" + join(tree(parts[0]).base(), parts[1]));
    }

    @Override
    public Optional<Entry> stat(String path) throws IOException {
        String[] parts = split(path);
        Optional<Snapshot> snapshot = find(parts[0]);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        if (parts[1].isEmpty()) {
            return Optional.of(Entry.directory(snapshot.get().shortId(), snapshot.get().time()));
        }
        return Optional.ofNullable(tree(parts[0]).entries().get(parts[1]));
    }

    /**
     * The space the repository takes: in a local folder, the size of its files, since restic keeps the data of
     * forgotten snapshots until {@code restic prune} removes it; in S3, the size of its objects (every version of them
     * when the bucket keeps versions), listed with the same keys restic uses; elsewhere as restic counts it
     * ({@code stats --mode raw-data}, the data of the remaining snapshots). No total, so capacity needs a quota.
     */
    @Override
    public Optional<StorageUsage> usage() throws IOException {
        Optional<S3Repository> s3 = S3Repository.of(spec.repository());
        if (s3.isPresent()) {
            try (S3Target objects = S3Targets.open(s3.get().spec(spec.credentialsId()), storageKeys)) {
                StorageUsage listed = objects.usage().orElseThrow(() -> new IOException("the repository's bucket "
                        + "reported no used space"));
                return Optional.of(new StorageUsage(listed.usedBytes(), -1, "the repository's objects in "
                        + s3.get() + " (" + listed.source() + "; with the data of forgotten snapshots not yet "
                        + "pruned)"));
            }
        }
        if (localFolder != null) {
            long[] used = new long[1];
            Files.walkFileTree(localFolder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        used[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return Optional.of(new StorageUsage(used[0], -1, "the repository folder's files (with the data of "
                    + "forgotten snapshots not yet pruned)"));
        }
        ResticCommand.Outcome outcome = run("stats", LIST_LIMIT,
                List.of("stats", "--json", "--no-lock", "--mode", "raw-data"));
        JsonNode stats = JSON.readTree(outcome.stdout().toFile());
        JsonNode size = stats.path("total_size");
        if (!size.canConvertToLong()) {
            throw new IOException("restic stats printed no total_size");
        }
        return Optional.of(new StorageUsage(size.asLong(), -1, "restic stats raw-data (the data of the remaining "
                + "snapshots; data of forgotten snapshots not yet pruned is not counted)"));
    }

    @Override
    public CheckResult checkIntegrity(IntegritySpec integrity, long runNumber, RecheckSlices recheck)
            throws IOException, InterruptedException {
        SampleSelector sample = SampleSelector.of(integrity.sample(), runNumber, recheck);
        int slices = sample.slices();
        long started = System.nanoTime();
        CheckResult.Builder result = CheckResult.builder("integrity")
                .metric("mode", "restic check")
                .metric("readDataSubset", sample.sliceNumber() + "/" + slices)
                .metric("sampleSlices", slices);
        int againCut = sample.againSlices();
        List<int[]> subsets = new ArrayList<>();
        subsets.add(new int[] {sample.sliceNumber(), slices});
        sample.againNumbers().forEach(n -> subsets.add(new int[] {n, againCut}));
        Set<Integer> failed = new TreeSet<>();
        Status status = Status.PASS;
        String summary = null;
        for (int[] subset : subsets) {
            boolean own = subset == subsets.get(0);
            String named = subset[1] == 1 ? "all pack files" : "pack files subset " + subset[0] + "/" + subset[1];
            String read = named + (own ? "" : " (again: the previous run found errors there)");
            ResticCommand.Outcome outcome = restic.run("check", CHECK_LIMIT, subset[1] == 1
                    ? new String[] {"check", "--read-data"}
                    : new String[] {"check", "--read-data-subset=" + subset[0] + "/" + subset[1]});
            if (outcome.exitCode() == 0) {
                continue;
            }
            failed.addAll(inThisCut(subset[0], subset[1], slices));
            String errors = outcome.stderr();
            if (errors.contains("repository contains errors")) {
                for (String line : errors.split("\\R")) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("Fatal:") && result.currentFindings().size() < 20) {
                        result.finding(Finding.fail(description, trimmed));
                    }
                }
                if (status != Status.ERROR) {
                    status = Status.FAIL;
                    summary = summary != null ? summary : "restic check found errors in the repository, reading "
                            + read + ": " + ResticCommand.lastLine(errors.replace("Fatal: repository contains errors",
                            ""));
                }
            } else {
                status = Status.ERROR;
                summary = "restic check could not run (exit code " + outcome.exitCode() + "): "
                        + ResticCommand.lastLine(errors) + (slices == 1 ? "" : " (reading " + read + ")");
            }
        }
        result.metric("durationMs", (System.nanoTime() - started) / 1_000_000);
        if (!failed.isEmpty()) {
            result.metric(RecheckSlices.METRIC, RecheckSlices.of(slices, failed).text());
        }
        if (status == Status.PASS) {
            return result.status(Status.PASS).summary("restic check found no errors, reading " + (slices == 1
                    ? "all pack files" : "pack files subset " + subsets.stream().map(n -> n[0] + "/" + n[1])
                    .collect(java.util.stream.Collectors.joining(" and "))) + (slices == 1 ? "" : "; every pack file is "
                    + "read over " + slices + " consecutive runs")).build();
        }
        return result.status(status).summary(summary).build();
    }

    /**
     * The subsets of a cut into {@code slices} that hold the pack files of subset {@code number} of a cut into
     * {@code cut}: restic puts a pack file in subset n/t when the first byte of its ID modulo t is n-1, so the byte
     * values tell exactly where a subset of one cut lies in another.
     */
    static Set<Integer> inThisCut(int number, int cut, int slices) {
        Set<Integer> subsets = new TreeSet<>();
        for (int firstByte = 0; firstByte < 256; firstByte++) {
            if (firstByte % cut == number - 1) {
                subsets.add(firstByte % slices + 1);
            }
        }
        return subsets;
    }

    /** restic encrypts everything it stores: data, trees, indexes and snapshots. */
    @Override
    public Optional<String> encryptionAtRest(String path) {
        return Optional.of("restic");
    }

    @Override
    public Optional<String> defaultEncryption() {
        return Optional.of("restic (AES-256-CTR with Poly1305-AES, always on)");
    }

    /**
     * When each key of the repository was added, from {@code restic key list --json}, whose {@code created} time
     * restic prints in the local time of the machine running it.
     */
    @Override
    public Map<String, Instant> keysCreated() throws IOException {
        ResticCommand.Outcome outcome = run("key list", LIST_LIMIT, List.of("key", "list", "--json", "--no-lock"));
        Map<String, Instant> created = new java.util.TreeMap<>();
        try {
            for (JsonNode key : JSON.readTree(outcome.stdout().toFile())) {
                created.put(text(key, "id"), java.time.LocalDateTime.parse(text(key, "created").replace(' ', 'T'))
                        .atZone(java.time.ZoneId.systemDefault()).toInstant());
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("restic key list printed JSON this version cannot read: " + e.getMessage());
        }
        return created;
    }

    /**
     * {@code restic restore} of the snapshot into the folder. restic reads every blob it restores and checks its
     * authentication code, so a damaged pack makes it report errors and exit non-zero: the snapshot is unrestorable.
     */
    @Override
    public Path restore(String backupId, Path into, boolean verify) throws IOException, InterruptedException {
        Snapshot snapshot = snapshot(backupId);
        SnapshotTree tree = tree(backupId);
        List<String> args = new ArrayList<>(List.of("restore", "--no-lock", snapshot.id(), "--target",
                into.toString()));
        if (verify) {
            args.add("--verify");
        }
        ResticCommand.Outcome outcome = restic.run("restore", RESTORE_LIMIT, args.toArray(String[]::new));
        if (outcome.exitCode() != 0) {
            String errors = outcome.stderr();
            List<String> failed = errors.lines().map(String::strip)
                    .filter(line -> line.startsWith("ignoring error for ")).toList();
            String said = String.join("; ", failed.subList(0, Math.min(5, failed.size())))
                    + (failed.size() > 5 ? "; ... (" + failed.size() + " errors)" : "");
            if (failed.stream().anyMatch(ResticTarget::saysDataIsDamaged)) {
                throw new SnapshotRestore.UnrestorableException("restic restore of snapshot " + backupId
                        + " found its data damaged or missing (exit code " + outcome.exitCode() + "): " + said);
            }
            throw new IOException("restic restore failed on " + description + " (exit code " + outcome.exitCode()
                    + "): " + (failed.isEmpty() ? ResticCommand.lastLine(errors) : said));
        }
        return tree.base().isEmpty() ? into : into.resolve(tree.base());
    }

    /** The sizes of the snapshot's regular files, as {@code restic ls --json} lists them. */
    @Override
    public long restoreSize(String backupId) throws IOException {
        return tree(backupId).entries().values().stream().filter(Entry::isFile)
                .mapToLong(Entry::size).sum();
    }

    /**
     * Whether restic's error for a file says the repository's data is bad (a blob that fails its authentication
     * code, a pack or blob that is not there) rather than that the store could not be reached.
     */
    static boolean saysDataIsDamaged(String line) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("ciphertext verification failed") || lower.contains("does not match")
                || lower.contains("invalid data returned")) {
            return true;
        }
        // A pack the repository's index names but the store does not have (not a file restic failed to write).
        return lower.contains("streampack") && (lower.contains("no such file or directory")
                || lower.contains("does not exist") || lower.contains("nosuchkey") || lower.contains("not found"));
    }

    /** How restic reaches the repository, from its location's scheme. */
    @Override
    public Transport transport() {
        return RepositoryTransport.of(spec.repository());
    }

    private ResticCommand.Outcome run(String name, Duration limit, List<String> args) throws IOException {
        ResticCommand.Outcome outcome;
        try {
            outcome = restic.run(name, limit, args.toArray(String[]::new));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (outcome.exitCode() != 0) {
            throw new IOException("restic " + args.get(0) + " failed on " + description + " (exit code "
                    + outcome.exitCode() + "): " + ResticCommand.lastLine(outcome.stderr()));
        }
        return outcome;
    }

    private synchronized SnapshotTree tree(String shortId) throws IOException {
        SnapshotTree known = trees.get(shortId);
        if (known != null) {
            return known;
        }
        Snapshot snapshot = snapshot(shortId);
        ResticCommand.Outcome outcome = run("ls", LIST_LIMIT, List.of("ls", "--json", "--no-lock", snapshot.id()));
        String base = SnapshotBase.of(snapshot.paths(), outcome.stdout());
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, List<Entry>> children = new HashMap<>();
        SnapshotBase.forEachNode(outcome.stdout(), node -> {
            String relative = relativeTo(base, trimSlash(text(node, "path")));
            if (relative == null || relative.isEmpty()) {
                return;
            }
            Entry entry = entry(shortId + "/" + relative, node);
            entries.put(relative, entry);
            int slash = relative.lastIndexOf('/');
            children.computeIfAbsent(slash < 0 ? "" : relative.substring(0, slash), k -> new ArrayList<>())
                    .add(entry);
        });
        children.values().forEach(list -> list.sort(Comparator.comparing(Entry::path)));
        SnapshotTree tree = new SnapshotTree(base, entries, children);
        trees.put(shortId, tree);
        return tree;
    }

    private static Entry entry(String path, JsonNode node) {
        Instant modified = node.hasNonNull("mtime") ? Instant.parse(node.get("mtime").asText()) : Instant.EPOCH;
        return switch (node.path("type").asText()) {
            case "file" -> Entry.file(path, node.path("size").asLong(), modified);
            case "dir" -> Entry.directory(path, modified);
            case "symlink" -> new Entry(path, EntryType.SYMLINK, 0, modified, null, false);
            default -> new Entry(path, EntryType.OTHER, 0, modified, null, false);
        };
    }

    private static String relativeTo(String base, String path) {
        if (base.isEmpty()) {
            return path;
        }
        if (path.equals(base)) {
            return "";
        }
        return path.startsWith(base + "/") ? path.substring(base.length() + 1) : null;
    }

    private Optional<Snapshot> find(String shortId) throws IOException {
        return snapshots().stream().filter(s -> s.shortId().equals(shortId)).findFirst();
    }

    private Snapshot snapshot(String shortId) throws IOException {
        return find(shortId).orElseThrow(() -> new NoSuchFileException(shortId, null,
                "no such snapshot among those selected"));
    }

    /** The snapshot's short id and the path inside it. */
    private static String[] split(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? new String[] {path, ""} : new String[] {path.substring(0, slash),
                path.substring(slash + 1)};
    }

    private static String join(String base, String relative) {
        return base.isEmpty() ? relative : base + "/" + relative;
    }

    static String trimSlash(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("no '" + field + "' in restic's JSON");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Override
    public void close() throws IOException {
        restic.cleanUp();
    }
}
