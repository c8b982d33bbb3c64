package io.backupverify.engine.target.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scripted S3 endpoint on loopback for the bucket APIs S3Proxy does not implement (public access block,
 * policy status, Object Lock, bucket encryption on its filesystem store): it lists and serves a few objects and
 * answers each bucket or object sub-resource with the XML documented in Amazon's S3 API reference, or the
 * documented "not configured" 404, as a test scripts it.
 */
final class ScriptedS3 implements AutoCloseable {
    static final String NS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    /** A scripted answer: HTTP status and XML body. */
    record Answer(int status, String xml) {
        static Answer ok(String xml) {
            return new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml);
        }

        static Answer error(int status, String code) {
            return new Answer(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                    + "</Code><Message>" + code + "</Message><RequestId>1</RequestId></Error>");
        }
    }

    private final HttpServer server;
    private final String bucket;
    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Map<String, String> objectEncryption = new ConcurrentHashMap<>();
    private final Map<String, Answer> bucketAnswers = new ConcurrentHashMap<>();
    private final Map<String, Answer> retention = new ConcurrentHashMap<>();
    private final Map<String, Answer> legalHolds = new ConcurrentHashMap<>();
    private final Map<String, Answer> objectAcls = new ConcurrentHashMap<>();
    /** Objects a listing page holds at most, and whether its keys are URL-encoded (as with encoding-type=url). */
    private int pageSize = 1000;
    private boolean urlEncodedKeys;
    /** Scripted listing answers, taken one per listing request before the real listing. */
    private final java.util.Deque<Answer> listingAnswers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();

    ScriptedS3(String bucket) throws IOException {
        this.bucket = bucket;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ScriptedS3 object(String key, String content, String sse) {
        objects.put(key, content.getBytes(StandardCharsets.UTF_8));
        if (sse != null) {
            objectEncryption.put(key, sse);
        }
        return this;
    }

    /** Scripts the answer to a bucket sub-resource such as {@code encryption} or {@code object-lock}. */
    ScriptedS3 bucket(String subresource, Answer answer) {
        bucketAnswers.put(subresource, answer);
        return this;
    }

    /** Lists in pages of at most {@code size} objects, continued by NextContinuationToken. */
    ScriptedS3 pages(int size) {
        pageSize = size;
        return this;
    }

    /** Lists keys URL-encoded (spaces as {@code +}) with EncodingType url, as S3 does when asked to. */
    ScriptedS3 urlEncodedKeys() {
        urlEncodedKeys = true;
        return this;
    }

    /** Answers the next listing request with {@code answer} instead of the listing. */
    ScriptedS3 nextListing(Answer answer) {
        listingAnswers.add(answer);
        return this;
    }

    /** How many listing requests were answered. */
    int listings() {
        return listings.get();
    }

    ScriptedS3 retention(String key, Answer answer) {
        retention.put(key, answer);
        return this;
    }

    /** Scripts an object's legal hold; unscripted objects never had one (404, as Amazon S3 answers). */
    ScriptedS3 legalHold(String key, Answer answer) {
        legalHolds.put(key, answer);
        return this;
    }

    /** Scripts an object's ACL; unscripted objects have a private one (their owner's full control). */
    ScriptedS3 objectAcl(String key, Answer answer) {
        objectAcls.put(key, answer);
        return this;
    }

    /** An ACL as S3 writes it: the owner's full control, and each group URI given granted READ. */
    static Answer acl(String... readingGroups) {
        StringBuilder xml = new StringBuilder("<AccessControlPolicy " + NS + "><Owner><ID>owner</ID></Owner>"
                + "<AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:type=\"CanonicalUser\"><ID>owner</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>");
        for (String group : readingGroups) {
            xml.append("<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\">"
                    + "<URI>").append(group).append("</URI></Grantee><Permission>READ</Permission></Grant>");
        }
        return Answer.ok(xml.append("</AccessControlList></AccessControlPolicy>").toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        String prefix = "/" + bucket;
        String key = path.length() > prefix.length() + 1 ? java.net.URLDecoder.decode(
                path.substring(prefix.length() + 1), StandardCharsets.UTF_8) : "";
        String subresource = query.split("[=&]")[0];
        if (key.isEmpty() && query.contains("list-type=2")) {
            listings.incrementAndGet();
            Answer scripted = listingAnswers.poll();
            send(exchange, scripted != null ? scripted : Answer.ok(listing(parameter(query, "prefix"),
                    parameter(query, "continuation-token"))), null);
        } else if (key.isEmpty() && java.util.Arrays.stream(query.split("&"))
                .anyMatch(p -> p.equals("versions") || p.startsWith("versions="))) {
            send(exchange, bucketAnswers.getOrDefault("versions", Answer.error(501, "NotImplemented")), null);
        } else if (key.isEmpty()) {
            send(exchange, bucketAnswers.getOrDefault(subresource, Answer.error(501, "NotImplemented")), null);
        } else if (subresource.equals("acl")) {
            send(exchange, objectAcls.getOrDefault(key, acl()), null);
        } else if (subresource.equals("retention")) {
            send(exchange, retention.getOrDefault(key, Answer.error(404, "NoSuchObjectLockConfiguration")), null);
        } else if (subresource.equals("legal-hold")) {
            send(exchange, legalHolds.getOrDefault(key, Answer.error(404, "NoSuchObjectLockConfiguration")), null);
        } else if (!objects.containsKey(key)) {
            send(exchange, Answer.error(404, "NoSuchKey"), null);
        } else {
            byte[] body = objects.get(key);
            exchange.getResponseHeaders().add("ETag", "\"e" + key.hashCode() + "\"");
            exchange.getResponseHeaders().add("Last-Modified", "Sun, 29 Nov 2026 02:00:00 GMT");
            if (objectEncryption.containsKey(key)) {
                exchange.getResponseHeaders().add("x-amz-server-side-encryption", objectEncryption.get(key));
            }
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private String listing(String prefix, String token) {
        java.util.List<String> keys = objects.keySet().stream().filter(key -> key.startsWith(prefix))
                .filter(key -> token.isEmpty() || key.compareTo(token) > 0).toList();
        java.util.List<String> page = keys.subList(0, Math.min(pageSize, keys.size()));
        StringBuilder xml = new StringBuilder("<ListBucketResult " + NS + "><Name>" + bucket + "</Name><Prefix>"
                + xmlText(prefix) + "</Prefix><KeyCount>" + page.size() + "</KeyCount><MaxKeys>" + pageSize
                + "</MaxKeys>" + (urlEncodedKeys ? "<EncodingType>url</EncodingType>" : "")
                + "<IsTruncated>" + (page.size() < keys.size()) + "</IsTruncated>");
        for (String key : page) {
            String written = urlEncodedKeys ? java.net.URLEncoder.encode(key, StandardCharsets.UTF_8) : xmlText(key);
            xml.append("<Contents><Key>").append(written)
                    .append("</Key><LastModified>2026-11-29T02:00:00.000Z</LastModified><ETag>\"e")
                    .append(key.hashCode()).append("\"</ETag><Size>").append(objects.get(key).length)
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        if (page.size() < keys.size()) {
            xml.append("<NextContinuationToken>").append(xmlText(page.get(page.size() - 1)))
                    .append("</NextContinuationToken>");
        }
        return xml.append("</ListBucketResult>").toString();
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A query parameter's decoded value, or "" when absent. */
    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void send(HttpExchange exchange, Answer answer, String unused) throws IOException {
        byte[] body = answer.xml().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
