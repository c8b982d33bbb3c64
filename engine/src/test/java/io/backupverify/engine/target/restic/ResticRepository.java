package io.backupverify.engine.target.restic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A restic repository made by the real restic, for tests. */
public final class ResticRepository {
    private final String repository;
    private final Map<String, String> environment;

    /** @param repository a folder, or {@code s3:http://...} with the AWS variables in {@code environment} */
    public ResticRepository(String repository, String password, Map<String, String> environment)
            throws IOException, InterruptedException {
        this.repository = repository;
        this.environment = new java.util.HashMap<>(environment);
        this.environment.put("RESTIC_PASSWORD", password);
        restic("init");
    }

    public static boolean available() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "restic")));
    }

    /** Backs up a folder as restic does for a host with tags. */
    public void backup(Path source, String host, String... tags) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("backup", "--host", host));
        for (String tag : tags) {
            args.addAll(List.of("--tag", tag));
        }
        args.add(source.toString());
        restic(args.toArray(String[]::new));
    }

    /**
     * Backs up a folder named relative to the working folder, as {@code cd DIR && restic backup NAME} does: restic
     * records the absolute path but keeps the tree as given.
     */
    public void backupRelative(Path workingFolder, String relative, String host) throws IOException,
            InterruptedException {
        run(workingFolder, "backup", "--host", host, relative);
    }

    /** Forgets snapshots as {@code restic forget ID...} does, without pruning their data. */
    public void forget(String... ids) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("forget"));
        args.addAll(List.of(ids));
        restic(args.toArray(String[]::new));
    }

    /**
     * Backs up 2,000,000 random bytes as {@code source/db.dump} for host db1, then 100,000 others in their place, and
     * forgets the first snapshot without pruning: the repository keeps its data, which restic's raw-data stats leave
     * out.
     */
    public void backUpTwiceAndForgetTheFirst(Path source) throws IOException, InterruptedException {
        randomFile(source.resolve("db.dump"), 2_000_000, 7);
        backup(source, "db1", "orders");
        Files.delete(source.resolve("db.dump"));
        randomFile(source.resolve("db.dump"), 100_000, 8);
        backup(source, "db1", "orders");
        forget(snapshotIds("db1").get(0));
    }

    /** The short ids of the repository's snapshots of a host, oldest first. */
    public List<String> snapshotIds(String host) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode snapshot : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(restic("snapshots", "--json", "--host", host))) {
            ids.add(snapshot.path("short_id").asText());
        }
        return ids;
    }

    String restic(String... arguments) throws IOException, InterruptedException {
        return run(null, arguments);
    }

    private String run(Path workingFolder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("restic", "-q", "-r", repository));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingFolder != null) {
            builder.directory(workingFolder.toFile());
        }
        builder.environment().remove("AWS_CA_BUNDLE");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("restic " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    /** Writes a file of random bytes (a stand-in for a dump) into a new folder and returns its content. */
    public static byte[] randomFile(Path file, int size, long seed) throws IOException {
        byte[] content = new byte[size];
        new java.util.Random(seed).nextBytes(content);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return content;
    }

    /** Copies a repository kept in a local folder, to damage the copy. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    /** Flips one byte in the middle of the largest pack file of a repository kept in a local folder. */
    public static Path flipByteInLargestPack(Path repositoryFolder) throws IOException {
        Path pack;
        try (Stream<Path> files = Files.walk(repositoryFolder.resolve("data"))) {
            pack = files.filter(Files::isRegularFile).max(Comparator.comparingLong(ResticRepository::size))
                    .orElseThrow();
        }
        pack.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(pack, bytes);
        return pack;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
