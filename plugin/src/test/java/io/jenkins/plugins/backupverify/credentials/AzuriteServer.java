package io.jenkins.plugins.backupverify.credentials;

import io.backupverify.testservers.Azurite;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Azurite with one account of our own ({@link Azurite}, shared with the engine's and command line's tests), and the
 * few REST calls the tests need to fill it, signed with the account's shared key (JDK only: the plugin's tests do not
 * depend on the Azure SDK).
 */
final class AzuriteServer implements AutoCloseable {
    private static final String VERSION = "2019-12-12";

    private final Azurite azurite;
    private final String account;
    private final String key;
    private final HttpClient http = HttpClient.newHttpClient();

    static boolean available() {
        return Azurite.available();
    }

    AzuriteServer(Path location, String account, String key) throws IOException {
        this.azurite = new Azurite(location, account, key);
        this.account = account;
        this.key = key;
    }

    /** The blob endpoint, path-style as Azurite serves it. */
    String endpoint() {
        return azurite.endpoint();
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
        azurite.close();
    }
}
