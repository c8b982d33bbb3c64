package io.backupverify.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not a command: what the {@code backup-verify} wrapper script runs once, under
 * {@code -XX:ArchiveClassesAtExit}, to record the classes commands load in a class-data sharing archive. It runs
 * the demo, then verifies a small backup in an S3 bucket served from memory on a loopback port, so that the AWS
 * SDK's client, request pipeline and HTTP client (some 2,000 classes, about 0.6 CPU s to load and verify on every
 * run without the archive) are in the archive too. Nothing it does is a check of anything.
 */
public final class StartUpTraining {
    private static final String BUCKET = "training";
    private static final String FOLDER = "backup-2026-01-01/";
    private static final String ACCESS_KEY = "training-access-key";
    private static final String SECRET_KEY = "training-secret-key";

    private StartUpTraining() {
    }

    /** {@code StartUpTraining FOLDER}: FOLDER is an empty scratch folder the caller removes afterwards. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartUpTraining FOLDER");
            System.exit(ExitCodes.USAGE);
        }
        run(Path.of(args[0]));
        System.exit(0);
    }

    /** Runs the demo and the S3 verification in {@code folder}; returns the exit code of each. */
    static int[] run(Path folder) throws IOException {
        WarmUps.begin(new String[] {"verify"});
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        int demo = BackupVerifyCommand.execute(new String[] {"demo", folder.resolve("demo").toString()}, quiet, quiet);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try {
            server.createContext("/", new Bucket(objects())::answer);
            server.start();
            Path plan = folder.resolve("s3-plan.yaml");
            Files.writeString(plan, "backupSets:\n"
                    + "  - name: training\n"
                    + "    target: { type: s3, bucket: " + BUCKET + ", endpoint: \"http://127.0.0.1:"
                    + server.getAddress().getPort() + "\", pathStyle: true, region: us-east-1, credentialsId: s3 }\n"
                    + "    layout: { kind: directory-per-backup, namePattern: \"backup-{yyyy-MM-dd}\" }\n"
                    + "    checks:\n"
                    + "      integrity: { manifest: SHA256SUMS, sample: 100% }\n");
            Path credentials = folder.resolve("credentials.yaml");
            Files.writeString(credentials, "s3: { kind: aws, accessKeyId: " + ACCESS_KEY + ", secretAccessKey: "
                    + SECRET_KEY + " }\n");
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            int s3 = BackupVerifyCommand.execute(new String[] {"verify", plan.toString(), "--credentials",
                    credentials.toString(), "--no-progress", "--json", folder.resolve("s3.json").toString()},
                    quiet, quiet);
            return new int[] {demo, s3};
        } finally {
            server.stop(0);
        }
    }

    /** Two data objects and their SHA256SUMS, by key. */
    private static Map<String, byte[]> objects() {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        StringBuilder sums = new StringBuilder();
        for (int i = 1; i <= 2; i++) {
            byte[] data = new byte[(1 << 20) + i];
            for (int at = 0; at < data.length; at++) {
                data[at] = (byte) (at * 31 + i);
            }
            String name = "part-" + i + ".bin";
            objects.put(FOLDER + name, data);
            sums.append(hex("SHA-256", data)).append("  ").append(name).append('\n');
        }
        objects.put(FOLDER + "SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        return objects;
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bucket in memory answering the requests an integrity check makes: list, head and get. */
    private record Bucket(Map<String, byte[]> objects) {
        private static final String MODIFIED = "Thu, 01 Jan 2026 00:00:00 GMT";

        void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                URI uri = exchange.getRequestURI();
                String path = uri.getPath();
                String key = path.startsWith("/" + BUCKET + "/") ? path.substring(BUCKET.length() + 2) : "";
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                if (key.isEmpty() && uri.getRawQuery() != null && uri.getRawQuery().contains("list-type=2")) {
                    send(exchange, 200, "application/xml", listing(query(uri, "prefix")), null, false);
                } else if (objects.containsKey(key)) {
                    byte[] data = objects.get(key);
                    send(exchange, 200, "application/octet-stream", data, '"' + hex("MD5", data) + '"', head);
                } else {
                    send(exchange, 404, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>")
                            .getBytes(StandardCharsets.UTF_8), null, head);
                }
            }
        }

        private byte[] listing(String prefix) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + BUCKET
                    + "</Name><Prefix>" + prefix + "</Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
            objects.forEach((key, data) -> {
                if (key.startsWith(prefix)) {
                    xml.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-01-01T00:00:00.000Z")
                            .append("</LastModified><ETag>&quot;").append(hex("MD5", data))
                            .append("&quot;</ETag><Size>").append(data.length)
                            .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
                }
            });
            return xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8);
        }

        private static String query(URI uri, String name) {
            for (String pair : uri.getQuery().split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
            return "";
        }

        private static void send(HttpExchange exchange, int status, String type, byte[] body, String etag,
                boolean head) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Last-Modified", MODIFIED);
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
            }
            if (head) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
