package io.backupverify.engine.target.azure;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An HTTP proxy in front of Azurite for what Azurite does not implement (blob versioning and soft delete: it accepts
 * a listing with {@code include=versions,deleted} and lists the current blobs only). Every request goes to Azurite
 * and its answer comes back as Azurite gave it, except that a blob listing asking for versions or deleted blobs gets
 * the {@code <Blob>} elements a test scripts added to it (in the List Blobs XML Azure documents), or a scripted
 * refusal instead.
 */
final class SplicingProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding");
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;
    private volatile String spliced = "";
    private volatile String refusal;

    SplicingProxy(int upstreamPort) throws IOException {
        upstream = "http://127.0.0.1:" + upstreamPort;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The blob endpoint through the proxy, path-style as Azurite serves it. */
    String endpoint(String account) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + account;
    }

    /** Adds these {@code <Blob>} elements to every listing that asks for versions or deleted blobs. */
    SplicingProxy splice(String blobs) {
        spliced = blobs;
        return this;
    }

    /** Answers every listing that asks for versions or deleted blobs with this Azure error code and status. */
    SplicingProxy refuse(int status, String code) {
        refusal = status + " " + code;
        return this;
    }

    /** A {@code <Blob>} element as Azure lists it; {@code extra} goes before its properties. */
    static String blob(String name, String extra, String lastModified, long size, String extraProperties) {
        return "<Blob><Name>" + name + "</Name>" + extra + "<Properties><Creation-Time>" + lastModified
                + "</Creation-Time><Last-Modified>" + lastModified + "</Last-Modified><Etag>0x8DD0000000000"
                + Math.abs(name.hashCode() % 1000) + "</Etag><Content-Length>" + size + "</Content-Length>"
                + "<Content-Type>application/octet-stream</Content-Type><BlobType>BlockBlob</BlobType>"
                + "<AccessTier>Hot</AccessTier><AccessTierInferred>true</AccessTierInferred>"
                + "<ServerEncrypted>true</ServerEncrypted>" + extraProperties + "</Properties><OrMetadata /></Blob>";
    }

    private static boolean listsKept(String query) {
        if (query == null || !query.contains("comp=list")) {
            return false;
        }
        String include = java.net.URLDecoder.decode(query, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return include.matches(".*include=[^&]*(versions|deleted).*");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            boolean kept = listsKept(query);
            if (kept && refusal != null) {
                String[] parts = refusal.split(" ", 2);
                byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + parts[1]
                        + "</Code><Message>refused by the test</Message></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-ms-error-code", parts[1]);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(Integer.parseInt(parts[0]), body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream
                    + exchange.getRequestURI().toString()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            byte[] sent = exchange.getRequestBody().readAllBytes();
            request.method(exchange.getRequestMethod(), sent.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(sent));
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] body = answer.body();
            if (kept && answer.statusCode() == 200 && !spliced.isEmpty()) {
                String xml = new String(body, StandardCharsets.UTF_8);
                xml = xml.contains("<Blobs />") || xml.contains("<Blobs/>")
                        ? xml.replaceFirst("<Blobs ?/>", "<Blobs>" + spliced + "</Blobs>")
                        : xml.replace("</Blobs>", spliced + "</Blobs>");
                body = xml.getBytes(StandardCharsets.UTF_8);
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    List<String> copy = List.copyOf(values);
                    exchange.getResponseHeaders().put(name, copy);
                }
            });
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.statusCode(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
