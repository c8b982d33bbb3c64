package io.backupverify.engine.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds YAML aliases ({@code *name}). Plans are bound key by key, which cannot follow an alias back to its
 * anchor, so an alias would otherwise surface as a confusing "missing key" far from its cause.
 */
final class YamlAliases {
    private YamlAliases() {
    }

    /** The first alias in the text: its name and where it stands. */
    static Optional<Alias> first(YAMLFactory factory, String text) {
        try (JsonParser parser = factory.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    return Optional.of(new Alias(yaml.getText(), parser.currentTokenLocation()));
                }
            }
        } catch (IOException e) {
            // Syntax errors are reported by the binder, with their own location.
        }
        return Optional.empty();
    }

    record Alias(String name, JsonLocation location) {
    }
}
