package io.backupverify.engine.plan;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Key paths as users read them: {@code backupSets[0].checks.freshness.maxAge}. */
final class KeyPath {
    private KeyPath() {
    }

    static String of(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer segment = pointer; segment != null && !segment.matches(); segment = segment.tail()) {
            append(path, segment.getMatchingProperty(), segment.mayMatchElement() ? segment.getMatchingIndex() : -1);
        }
        return path.toString();
    }

    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            append(path, reference.getFieldName(), reference.getFieldName() == null ? reference.getIndex() : -1);
        }
        return path.toString();
    }

    private static void append(StringBuilder path, String property, int index) {
        if (index >= 0) {
            path.append('[').append(index).append(']');
        } else if (property != null) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(property);
        }
    }

    /** The path one level up, or the empty path. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
