package io.backupverify.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupverify.engine.check.Status;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The history file of one run, schema {@value #SCHEMA}: compact JSON, one object. */
public final class HistoryFormat {
    public static final String SCHEMA = "backup-verify/history/v1";

    private final ObjectMapper mapper = new ObjectMapper();

    public byte[] write(RunRecord run) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("kind", run.kind().id());
        root.put("plan", run.plan());
        root.put("runNumber", run.runNumber());
        root.put("startedAt", run.startedAt().toString());
        root.put("finishedAt", run.finishedAt().toString());
        root.put("status", run.status().name());
        ArrayNode sets = root.putArray("sets");
        for (SetRecord set : run.sets()) {
            ObjectNode node = sets.addObject();
            node.put("name", set.name());
            node.put("target", set.target());
            node.put("status", set.status().name());
            if (set.latestBackupTime() != null) {
                node.put("latestBackupTime", set.latestBackupTime().toString());
            }
            ArrayNode checks = node.putArray("checks");
            for (CheckRecord check : set.checks()) {
                ObjectNode checkNode = checks.addObject();
                checkNode.put("id", check.id());
                checkNode.put("status", check.status().name());
                checkNode.put("durationMs", check.durationMs());
                if (!check.summary().isEmpty()) {
                    checkNode.put("summary", check.summary());
                }
                if (!check.values().isEmpty()) {
                    checkNode.set("values", mapper.valueToTree(check.values()));
                }
            }
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a history record", e);
        }
    }

    /** Reads one record; anything that is not a complete v1 record is an IOException saying what is wrong. */
    public RunRecord read(byte[] bytes) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a history record");
        }
        if (!SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException("not a " + SCHEMA + " record (schema '" + root.path("schema").asText() + "')");
        }
        try {
            List<SetRecord> sets = new ArrayList<>();
            for (JsonNode set : root.path("sets")) {
                sets.add(readSet(set));
            }
            return new RunRecord(RunKind.fromId(text(root, "kind")), root.path("plan").asText(""),
                    root.path("runNumber").asLong(), Instant.parse(text(root, "startedAt")),
                    Instant.parse(text(root, "finishedAt")), Status.valueOf(text(root, "status")), sets);
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("incomplete history record: " + e.getMessage());
        }
    }

    private static SetRecord readSet(JsonNode set) {
        JsonNode latest = set.get("latestBackupTime");
        List<CheckRecord> checks = new ArrayList<>();
        for (JsonNode check : set.path("checks")) {
            checks.add(new CheckRecord(text(check, "id"), Status.valueOf(text(check, "status")),
                    check.path("durationMs").asLong(), check.path("summary").asText(""), values(check.get("values"))));
        }
        return new SetRecord(text(set, "name"), set.path("target").asText(""), Status.valueOf(text(set, "status")),
                latest == null || latest.isNull() ? null : Instant.parse(latest.asText()), checks);
    }

    private static Map<String, Object> values(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return values;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                values.put(field.getKey(), value.isIntegralNumber() ? (Object) value.asLong() : value.asDouble());
            } else if (value.isTextual()) {
                values.put(field.getKey(), value.asText());
            } else if (value.isBoolean()) {
                values.put(field.getKey(), value.asBoolean());
            }
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }
}
