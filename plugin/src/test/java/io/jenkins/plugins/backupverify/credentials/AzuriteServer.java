package io.jenkins.plugins.backupverify.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Azurite's blob service (npm {@code azurite}) on a free loopback port with one account of our own, and the few
 * REST calls the tests need to fill it, signed with the account's shared key (JDK only: the plugin's tests do not
 * depend on the Azure SDK).
 */
final class AzuriteServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listens on http://127\\.0\\.0\\.1:(\\d+)");
    private static final String VERSION = "2019-12-12";

    private final String account;
    private final String key;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    static boolean available() {
        return Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "azurite-blob")));
    }

    AzuriteServer(Path location, String account, String key) throws IOException {
        this.account = account;
        this.key = key;
        ProcessBuilder builder = new ProcessBuilder("azurite-blob", "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--location", location.toString(), "--skipApiVersionCheck", "--loose").redirectErrorStream(true);
        builder.environment().put("AZURITE_ACCOUNTS", account + ":" + key);
        process = builder.start();
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> {
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
                                    // keep Azurite's output flowing
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
        });
        int found;
        try {
            found = listening.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            found = -1;
        }
        if (found < 0) {
            close();
            throw new IOException("azurite did not start");
        }
        port = found;
    }

    /** The blob endpoint, path-style as Azurite serves it. */
    String endpoint() {
        return "http://127.0.0.1:" + port + "/" + account;
    }

    void createContainer(String container) throws IOException, InterruptedException {
        send("PUT", "/" + container, "restype=container", new byte[0], "");
    }

    void putBlob(String container, String name, byte[] content) throws IOException, InterruptedException {
        send("PUT", "/" + container + "/" + name, "", content, "x-ms-blob-type:BlockBlob\n");
    }

    /** An account SAS for the blob service with read and list permission, valid for a day, without its '?'. */
    String readListSas() throws GeneralSecurityException {
        String expiry = DateTimeFormatter.ISO_INSTANT.format(ZonedDateTime.now(ZoneOffset.UTC).plusDays(1)
                .withNano(0));
        String toSign = account + "\nrl\nb\nsco\n\n" + expiry + "\n\n\n" + VERSION + "\n";
        return "sv=" + VERSION + "&ss=b&srt=sco&sp=rl&se=" + URLEncoder.encode(expiry, StandardCharsets.UTF_8)
                + "&sig=" + URLEncoder.encode(sign(toSign), StandardCharsets.UTF_8);
    }

    /** One request signed with the shared key; {@code msHeaders} are extra x-ms- headers, "name:value\n" each. */
    private void send(String verb, String path, String query, byte[] body, String msHeaders)
            throws IOException, InterruptedException {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String headers = msHeaders + "x-ms-date:" + date + "\nx-ms-version:" + VERSION + "\n";
        String resource = "/" + account + "/" + account + path
                + (query.isEmpty() ? "" : "\n" + query.replace('=', ':'));
        String toSign = verb + "\n\n\n" + (body.length == 0 ? "" : body.length) + "\n\n"
                + (body.length == 0 ? "" : "application/octet-stream") + "\n\n\n\n\n\n\n" + headers + resource;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint() + path
                + (query.isEmpty() ? "" : "?" + query)))
                .method(verb, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("x-ms-date", date).header("x-ms-version", VERSION);
        for (String line : msHeaders.split("\n")) {
            if (!line.isEmpty()) {
                request.header(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
            }
        }
        if (body.length > 0) {
            request.header("Content-Type", "application/octet-stream");
        }
        try {
            request.header("Authorization", "SharedKey " + account + ":" + sign(toSign));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(verb + " " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    private String sign(String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
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
