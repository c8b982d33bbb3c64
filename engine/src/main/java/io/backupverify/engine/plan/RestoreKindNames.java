package io.backupverify.engine.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The restore kinds a plan may name, for messages about a missing or unknown kind. */
final class RestoreKindNames {
    private RestoreKindNames() {
    }

    static String known() {
        return Arrays.stream(RestoreSpec.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).sorted().collect(Collectors.joining(", "));
    }

    static String describeProblem(String kind) {
        return kind == null ? "missing key 'kind' (how to restore: " + known() + ")"
                : "unknown restore kind '" + kind + "'; known kinds: " + known();
    }
}
