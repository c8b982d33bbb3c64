package io.backupverify.engine.target.azure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Azurite's blob service (npm {@code azurite}) on a free loopback port, storing in a folder, for tests. */
final class Azurite implements AutoCloseable {
    static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's published development key: not a secret. */
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Pattern LISTENING = Pattern.compile("listens on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;
    private final Path location;

    static boolean available() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "azurite-blob")));
    }

    Azurite(Path location) throws IOException, InterruptedException {
        this.location = location;
        process = new ProcessBuilder("azurite-blob", "--blobHost", "127.0.0.1", "--blobPort", "0", "--location",
                location.toString(), "--skipApiVersionCheck", "--loose").redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> {
            // The reader stays open after this: closing Azurite's output would stop it at its next line.
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        // Keep draining its output so it never blocks on a full pipe.
                        Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
                        drain.setDaemon(true);
                        drain.start();
                        return Integer.parseInt(m.group(1));
                    }
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        });
        try {
            port = listening.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IOException("azurite did not start", e);
        }
        if (port < 0) {
            close();
            throw new IOException("azurite stopped before listening");
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
                + endpoint() + ";";
    }

    Path location() {
        return location;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
