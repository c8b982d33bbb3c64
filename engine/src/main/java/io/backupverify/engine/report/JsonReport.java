package io.backupverify.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.util.ToolVersion;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, schema {@value #SCHEMA}: what a run found, for scripts, dashboards and the Jenkins plugin.
 * docs/reports.md documents every field. New fields may be added within v1; none is renamed or re-meant.
 */
public final class JsonReport {
    public static final String SCHEMA = "backup-verify/report/v1";
    private static final TypeReference<Map<String, Object>> METRICS = new TypeReference<>() {
    };
    /** Reads reports back (the Jenkins plugin does): created on first use, so that writing does not load it. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Writes with the streaming generator alone: the data binder is not loaded to write a report. */
    private static final JsonFactory JSON = new JsonFactory();

    public void write(RunResult run, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            write(run, json);
        }
    }

    public String toString(RunResult run) {
        StringWriter text = new StringWriter();
        try {
            write(run, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON report", e);
        }
        return text.toString();
    }

    private static void write(RunResult run, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("schema", SCHEMA);
        json.writeObjectFieldStart("tool");
        json.writeStringField("name", ToolVersion.NAME);
        json.writeStringField("version", ToolVersion.version());
        json.writeEndObject();
        json.writeStringField("plan", run.plan());
        json.writeNumberField("runNumber", run.runNumber());
        json.writeStringField("startedAt", run.startedAt().toString());
        json.writeStringField("finishedAt", run.finishedAt().toString());
        json.writeNumberField("durationMs", run.durationMs());
        json.writeStringField("status", run.status().name());
        json.writeObjectFieldStart("counts");
        writeCounts(json, "sets", run.setCounts());
        writeCounts(json, "checks", run.checkCounts());
        json.writeEndObject();
        json.writeArrayFieldStart("backupSets");
        for (SetResult set : run.sets()) {
            writeSet(json, set);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, String name, Map<Status, Integer> counts) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<Status, Integer> count : counts.entrySet()) {
            json.writeNumberField(count.getKey().name(), count.getValue());
        }
        json.writeEndObject();
    }

    private static void writeSet(JsonGenerator json, SetResult set) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", set.name());
        json.writeStringField("target", set.target());
        json.writeStringField("status", set.status().name());
        json.writeNumberField("backupCount", set.backupCount());
        LatestBackup latest = set.latestBackup();
        if (latest == null) {
            json.writeNullField("latestBackup");
        } else {
            json.writeObjectFieldStart("latestBackup");
            json.writeStringField("id", latest.id());
            json.writeStringField("time", latest.time().toString());
            json.writeNumberField("files", latest.files());
            json.writeNumberField("bytes", latest.bytes());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("checks");
        for (CheckResult check : set.checks()) {
            writeCheck(json, check);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeCheck(JsonGenerator json, CheckResult check) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", check.id());
        json.writeStringField("status", check.status().name());
        json.writeStringField("summary", check.summary());
        json.writeNumberField("durationMs", check.durationMs());
        json.writeArrayFieldStart("findings");
        for (Finding finding : check.findings()) {
            json.writeStartObject();
            json.writeStringField("item", finding.item());
            json.writeStringField("message", finding.message());
            json.writeStringField("severity", finding.severity().name());
            if (finding.advice() != null) {
                json.writeStringField("advice", finding.advice());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("metrics");
        writeValue(json, check.metrics());
        json.writeEndObject();
    }

    /** A metric's value: text, numbers, true/false, lists and maps of them, as the data binder would write them. */
    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Boolean truth) {
            json.writeBoolean(truth);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Float number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof Enum<?> constant) {
            json.writeString(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else {
            new ObjectMapper().writeValue(json, value);
        }
    }

    /** Reads a report back. Fails with a clear message on anything that is not a v1 report. */
    public RunResult read(Reader in) throws IOException {
        JsonNode root;
        try {
            root = Reading.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException("not a JSON report: " + e.getOriginalMessage());
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException("not a " + SCHEMA + " report (schema is '" + root.path("schema").asText() + "')");
        }
        try {
            List<SetResult> sets = new ArrayList<>();
            for (JsonNode set : root.path("backupSets")) {
                sets.add(readSet(set));
            }
            return new RunResult(text(root, "plan"), root.path("runNumber").asLong(),
                    Instant.parse(text(root, "startedAt")), Instant.parse(text(root, "finishedAt")), sets);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IOException("malformed report: " + e.getMessage());
        }
    }

    private SetResult readSet(JsonNode set) {
        JsonNode latestNode = set.path("latestBackup");
        LatestBackup latest = latestNode.isObject()
                ? new LatestBackup(text(latestNode, "id"), Instant.parse(text(latestNode, "time")),
                        latestNode.path("files").asLong(), latestNode.path("bytes").asLong())
                : null;
        List<CheckResult> checks = new ArrayList<>();
        for (JsonNode check : set.path("checks")) {
            checks.add(readCheck(check));
        }
        return new SetResult(text(set, "name"), text(set, "target"), latest, set.path("backupCount").asInt(),
                checks);
    }

    private CheckResult readCheck(JsonNode check) {
        CheckResult.Builder builder = CheckResult.builder(text(check, "id"))
                .status(Status.valueOf(text(check, "status")))
                .summary(check.path("summary").asText(""));
        for (JsonNode finding : check.path("findings")) {
            builder.finding(new Finding(text(finding, "item"), text(finding, "message"),
                    Status.valueOf(text(finding, "severity")),
                    finding.hasNonNull("advice") ? finding.get("advice").asText() : null));
        }
        if (check.path("metrics").isObject()) {
            Reading.MAPPER.convertValue(check.path("metrics"), METRICS).forEach(builder::metric);
        }
        return builder.build().withDuration(check.path("durationMs").asLong());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }
}
