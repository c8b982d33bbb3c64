package io.backupverify.testservers;

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

/**
 * Azurite's blob service (npm {@code azurite}) on a free loopback port, storing in a folder, for tests: with
 * Azurite's development account, or with an account of the test's own (a key no test has seen before, so a test can
 * prove the key never reaches output or reports).
 */
public final class Azurite implements AutoCloseable {
    /** Azurite's development account. */
    public static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's published development key: not a secret. */
    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Pattern LISTENING = Pattern.compile("listens on http://127\\.0\\.0\\.1:(\\d+)");

    private final Path location;
    private final String account;
    private final String key;
    private final Process process;
    private final int port;

    /** Whether {@code azurite-blob} is on the PATH (tests assume it, {@code npm install -g azurite}). */
    public static boolean available() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "azurite-blob")));
    }

    /** Azurite with its development account ({@link #ACCOUNT}, {@link #KEY}). */
    public Azurite(Path location) throws IOException {
        this(location, ACCOUNT, KEY);
    }

    /** Azurite with the one account given (the key in Base64, as Azure shows account keys). */
    public Azurite(Path location, String account, String key) throws IOException {
        this.location = location;
        this.account = account;
        this.key = key;
        ProcessBuilder builder = new ProcessBuilder("azurite-blob", "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--location", location.toString(), "--skipApiVersionCheck", "--loose").redirectErrorStream(true);
        if (!ACCOUNT.equals(account)) {
            builder.environment().put("AZURITE_ACCOUNTS", account + ":" + key);
        }
        process = builder.start();
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(this::portOnceListening);
        int found;
        try {
            found = listening.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IOException("azurite did not start", e);
        }
        if (found < 0) {
            close();
            throw new IOException("azurite stopped before listening");
        }
        port = found;
    }

    /** Reads Azurite's output up to the line that names its port, then keeps draining it so it never blocks. */
    private int portOnceListening() {
        // The reader stays open after this: closing Azurite's output would stop it at its next line.
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (lines.readLine() != null) {
                                // keep Azurite's output flowing until it stops
                            }
                        } catch (IOException e) {
                            // stopped
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return Integer.parseInt(m.group(1));
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The blob endpoint, path-style as Azurite serves it: {@code http://127.0.0.1:PORT/ACCOUNT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port + "/" + account;
    }

    public int port() {
        return port;
    }

    public String account() {
        return account;
    }

    public String key() {
        return key;
    }

    /** A connection string for the Azure SDK with the account's key and this endpoint. */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + account + ";AccountKey=" + key + ";BlobEndpoint="
                + endpoint() + ";";
    }

    /** The folder Azurite stores in (blob content under {@code __blobstorage__}). */
    public Path location() {
        return location;
    }

    @Override
    public void close() {
        ProcessTrees.stop(process);
    }
}
