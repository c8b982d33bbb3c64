package io.backupverify.engine.target.s3;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Reads a ListObjectsV2 answer ({@code ListBucketResult}) for {@link DirectGets#list}: the objects' keys, sizes and
 * times, and the next page's token, taken as the SDK takes them (keys URL-decoded when the answer says its encoding is
 * {@code url}; a next page exactly when a non-empty {@code NextContinuationToken} is given), and whether it says it
 * is truncated ({@code IsTruncated}). Anything this does not
 * expect (another root element, an object without key, size or a time in ISO-8601 UTC, a number that is not one, a
 * document type, XML that is not well formed or ends early) makes the page empty, and it is asked again through the
 * SDK, whose answer stands.
 */
final class ListingXml {
    private static final XMLInputFactory FACTORY = factory();

    /**
     * One page: the bucket it names (null when it names none), its objects in the order listed, the token of the
     * next page or null after the last, and whether the page says more objects follow it.
     */
    record Page(String bucket, List<S3Object> objects, String nextToken, boolean truncated) {
    }

    private ListingXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Reads a small listing, so that the XML parser is loaded and set up before the first real one. */
    static void warmUp() {
        read(new ByteArrayInputStream(("<ListBucketResult><Name>b</Name><Contents><Key>k</Key>"
                + "<LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>\"e\"</ETag><Size>1</Size></Contents>"
                + "<IsTruncated>false</IsTruncated></ListBucketResult>").getBytes(StandardCharsets.UTF_8)));
    }

    /** The page in the document, read to its end; empty when it is not a listing as expected. */
    static Optional<Page> read(InputStream in) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                return read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Page> read(XMLStreamReader xml) throws XMLStreamException {
        if (nextTag(xml) != XMLStreamConstants.START_ELEMENT || !"ListBucketResult".equals(xml.getLocalName())) {
            return Optional.empty();
        }
        List<Raw> raws = new ArrayList<>();
        String encoding = null;
        String token = null;
        String name = null;
        String truncated = null;
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "Contents" -> {
                    Raw raw = contents(xml);
                    if (raw == null) {
                        return Optional.empty();
                    }
                    raws.add(raw);
                }
                case "Name" -> name = xml.getElementText();
                case "EncodingType" -> encoding = xml.getElementText();
                case "NextContinuationToken" -> token = xml.getElementText();
                case "IsTruncated" -> truncated = xml.getElementText();
                default -> skip(xml);
            }
        }
        // The root's end, then nothing but the document's end: a body cut short is never a whole page.
        if (xml.getEventType() != XMLStreamConstants.END_ELEMENT || nextTag(xml) != XMLStreamConstants.END_DOCUMENT) {
            return Optional.empty();
        }
        boolean decode = "url".equals(encoding);
        List<S3Object> objects = new ArrayList<>(raws.size());
        for (Raw raw : raws) {
            String key = decode ? SdkHttpUtils.urlDecode(raw.key) : raw.key;
            objects.add(S3Object.builder().key(key).size(raw.size).lastModified(raw.modified).eTag(raw.etag).build());
        }
        return Optional.of(new Page(name, objects, token == null || token.isEmpty() ? null : token,
                truncated != null && Boolean.parseBoolean(truncated.trim())));
    }

    /** The fields of one object as written. */
    private record Raw(String key, long size, Instant modified, String etag) {
    }

    /** One {@code Contents} element, read to its end; null when a field is missing or unreadable. */
    private static Raw contents(XMLStreamReader xml) throws XMLStreamException {
        String key = null;
        String size = null;
        String modified = null;
        String etag = null;
        while (nextTag(xml) == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "Key" -> key = xml.getElementText();
                case "Size" -> size = xml.getElementText();
                case "LastModified" -> modified = xml.getElementText();
                case "ETag" -> etag = xml.getElementText();
                default -> skip(xml);
            }
        }
        if (key == null || size == null || modified == null) {
            return null;
        }
        try {
            long bytes = Long.parseLong(size);
            return bytes < 0 ? null : new Raw(key, bytes, Instant.parse(modified), etag);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** Passes over the element just started, whatever it holds. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT || event == XMLStreamConstants.DTD
                    || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("unexpected " + event);
            }
        }
    }

    /**
     * The next start or end of an element, or the end of the document, passing white space and comments; anything
     * else (text between elements, a document type, an entity) is not a listing.
     */
    private static int nextTag(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT,
                        XMLStreamConstants.END_DOCUMENT -> {
                    return event;
                }
                case XMLStreamConstants.SPACE, XMLStreamConstants.COMMENT,
                        XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // nothing to read
                }
                case XMLStreamConstants.CHARACTERS -> {
                    if (!xml.isWhiteSpace()) {
                        throw new XMLStreamException("text between elements");
                    }
                }
                default -> throw new XMLStreamException("unexpected " + event);
            }
        }
    }
}
