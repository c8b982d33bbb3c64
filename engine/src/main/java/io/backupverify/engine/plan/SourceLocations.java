package io.backupverify.engine.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Where each key and list element of a YAML document stands, so that later checks can name a line. */
final class SourceLocations {
    private final Map<String, JsonLocation> locations = new HashMap<>();

    static SourceLocations index(YAMLFactory factory, String text) {
        SourceLocations index = new SourceLocations();
        try (JsonParser parser = factory.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || parser.getParsingContext().inArray()) {
                    String path = KeyPath.of(parser.getParsingContext().pathAsPointer());
                    if (token == JsonToken.FIELD_NAME || token.isStructStart() || token.isScalarValue()) {
                        index.locations.putIfAbsent(path, parser.currentTokenLocation());
                    }
                }
            }
        } catch (IOException e) {
            // The binder reports syntax errors with their own location; an incomplete index only loses lines.
        }
        return index;
    }

    /** The location of exactly this key path, or null. */
    JsonLocation findExact(String path) {
        return locations.get(path);
    }

    /** The location of the key path, or of its nearest ancestor that has one. */
    JsonLocation find(String path) {
        for (String candidate = path; ; candidate = KeyPath.parent(candidate)) {
            JsonLocation location = locations.get(candidate);
            if (location != null || candidate.isEmpty()) {
                return location;
            }
        }
    }
}
