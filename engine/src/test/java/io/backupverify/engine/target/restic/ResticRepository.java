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

    String restic(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("restic", "-q", "-r", repository));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("AWS_CA_BUNDLE");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("restic " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
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
