package io.backupverify.engine.report;

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
    /** Reads reports back (the Jenkins plugin does): created on first use, so that writing does not load Jackson. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final TypeReference<Map<String, Object>> METRICS = new TypeReference<>() {
        };

        static JsonNode tree(Reader in) throws IOException {
            try {
                return MAPPER.readTree(in);
            } catch (JsonProcessingException e) {
                throw new IOException("not a JSON report: " + e.getOriginalMessage());
            }
        }
    }

    public void write(RunResult run, Writer out) throws IOException {
        try (PrettyJson json = new PrettyJson(out)) {
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

    private static void write(RunResult run, PrettyJson json) throws IOException {
        json.startObject();
        json.field("schema", SCHEMA);
        json.objectField("tool");
        json.field("name", ToolVersion.NAME);
        json.field("version", ToolVersion.version());
        json.endObject();
        json.field("plan", run.plan());
        json.field("runNumber", run.runNumber());
        json.field("startedAt", run.startedAt().toString());
        json.field("finishedAt", run.finishedAt().toString());
        json.field("durationMs", run.durationMs());
        json.field("status", run.status().name());
        json.objectField("counts");
        writeCounts(json, "sets", run.setCounts());
        writeCounts(json, "checks", run.checkCounts());
        json.endObject();
        json.arrayField("backupSets");
        for (SetResult set : run.sets()) {
            writeSet(json, set);
        }
        json.endArray();
        json.endObject();
    }

    private static void writeCounts(PrettyJson json, String name, Map<Status, Integer> counts) throws IOException {
        json.objectField(name);
        for (Map.Entry<Status, Integer> count : counts.entrySet()) {
            json.field(count.getKey().name(), count.getValue());
        }
        json.endObject();
    }

    private static void writeSet(PrettyJson json, SetResult set) throws IOException {
        json.startObject();
        json.field("name", set.name());
        json.field("target", set.target());
        json.field("status", set.status().name());
        json.field("backupCount", set.backupCount());
        LatestBackup latest = set.latestBackup();
        if (latest == null) {
            json.nullField("latestBackup");
        } else {
            json.objectField("latestBackup");
            json.field("id", latest.id());
            json.field("time", latest.time().toString());
            json.field("files", latest.files());
            json.field("bytes", latest.bytes());
            json.endObject();
        }
        json.arrayField("checks");
        for (CheckResult check : set.checks()) {
            writeCheck(json, check);
        }
        json.endArray();
        json.endObject();
    }

    private static void writeCheck(PrettyJson json, CheckResult check) throws IOException {
        json.startObject();
        json.field("id", check.id());
        json.field("status", check.status().name());
        json.field("summary", check.summary());
        json.field("durationMs", check.durationMs());
        json.arrayField("findings");
        for (Finding finding : check.findings()) {
            json.startObject();
            json.field("item", finding.item());
            json.field("message", finding.message());
            json.field("severity", finding.severity().name());
            if (finding.advice() != null) {
                json.field("advice", finding.advice());
            }
            json.endObject();
        }
        json.endArray();
        json.name("metrics");
        writeValue(json, check.metrics());
        json.endObject();
    }

    /**
     * A metric's value: text, numbers, true/false, lists and maps of them, as Jackson's data binder writes them;
     * a value of any other type is written by the binder itself, on one line.
     */
    private static void writeValue(PrettyJson json, Object value) throws IOException {
        if (value == null) {
            json.nullValue();
        } else if (value instanceof CharSequence text) {
            json.string(text.toString());
        } else if (value instanceof Boolean truth) {
            json.bool(truth);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof Long) {
            json.number(((Number) value).longValue());
        } else if (value instanceof Double number) {
            json.number(number.doubleValue());
        } else if (value instanceof Float number) {
            json.number(number.floatValue());
        } else if (value instanceof BigDecimal number) {
            json.number(number);
        } else if (value instanceof BigInteger number) {
            json.number(number);
        } else if (value instanceof Enum<?> constant) {
            json.string(constant.name());
        } else if (value instanceof Map<?, ?> map) {
            json.startObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.name(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.endObject();
        } else if (value instanceof Collection<?> items) {
            json.startArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.endArray();
        } else {
            json.raw(Reading.MAPPER.writeValueAsString(value));
        }
    }

    /** Reads a report back. Fails with a clear message on anything that is not a v1 report. */
    public RunResult read(Reader in) throws IOException {
        JsonNode root = Reading.tree(in);
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
            Reading.MAPPER.convertValue(check.path("metrics"), Reading.METRICS).forEach(builder::metric);
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
