package io.backupverify.engine.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Where each key and list element of a YAML document stands, so that later checks can name a line. */
final class SourceLocations {
    private final Map<String, Position> locations = new HashMap<>();

    /** A line and column, both counted from 1. */
    record Position(int line, int column) {
        static Position of(Mark mark) {
            return new Position(mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    static SourceLocations index(Node root) {
        SourceLocations index = new SourceLocations();
        if (root != null) {
            index.add("", root);
        }
        return index;
    }

    private void add(String path, Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    locations.putIfAbsent(child, Position.of(key.getStartMark()));
                    add(child, tuple.getValueNode());
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                // Only a single value stands for a list element; a map's or list's place is its key's
                String child = path + "[" + i + "]";
                if (items.get(i) instanceof ScalarNode) {
                    locations.putIfAbsent(child, Position.of(items.get(i).getStartMark()));
                }
                add(child, items.get(i));
            }
        }
    }

    /** The location of exactly this key path, or null. */
    Position findExact(String path) {
        return locations.get(path);
    }

    /** The location of the key path, or of its nearest ancestor that has one. */
    Position find(String path) {
        for (String candidate = path; ; candidate = KeyPath.parent(candidate)) {
            Position location = locations.get(candidate);
            if (location != null || candidate.isEmpty()) {
                return location;
            }
        }
    }
}
