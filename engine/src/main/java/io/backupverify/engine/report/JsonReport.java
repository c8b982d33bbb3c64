package io.backupverify.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.util.ToolVersion;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(RunResult run, Writer out) throws IOException {
        mapper.writeValue(out, toJson(run));
    }

    public String toString(RunResult run) {
        try {
            return mapper.writeValueAsString(toJson(run));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    public ObjectNode toJson(RunResult run) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.putObject("tool").put("name", ToolVersion.NAME).put("version", ToolVersion.version());
        root.put("plan", run.plan());
        root.put("runNumber", run.runNumber());
        root.put("startedAt", run.startedAt().toString());
        root.put("finishedAt", run.finishedAt().toString());
        root.put("durationMs", run.durationMs());
        root.put("status", run.status().name());
        ObjectNode counts = root.putObject("counts");
        counts.set("sets", countsJson(run.setCounts()));
        counts.set("checks", countsJson(run.checkCounts()));
        ArrayNode sets = root.putArray("backupSets");
        run.sets().forEach(set -> sets.add(setJson(set)));
        return root;
    }

    private ObjectNode countsJson(Map<Status, Integer> counts) {
        ObjectNode node = mapper.createObjectNode();
        counts.forEach((status, count) -> node.put(status.name(), count));
        return node;
    }

    private ObjectNode setJson(SetResult set) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", set.name());
        node.put("target", set.target());
        node.put("status", set.status().name());
        node.put("backupCount", set.backupCount());
        LatestBackup latest = set.latestBackup();
        if (latest == null) {
            node.putNull("latestBackup");
        } else {
            node.putObject("latestBackup").put("id", latest.id()).put("time", latest.time().toString())
                    .put("files", latest.files()).put("bytes", latest.bytes());
        }
        ArrayNode checks = node.putArray("checks");
        set.checks().forEach(check -> checks.add(checkJson(check)));
        return node;
    }

    private ObjectNode checkJson(CheckResult check) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", check.id());
        node.put("status", check.status().name());
        node.put("summary", check.summary());
        node.put("durationMs", check.durationMs());
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : check.findings()) {
            ObjectNode written = findings.addObject().put("item", finding.item()).put("message", finding.message())
                    .put("severity", finding.severity().name());
            if (finding.advice() != null) {
                written.put("advice", finding.advice());
            }
        }
        node.set("metrics", mapper.valueToTree(check.metrics()));
        return node;
    }

    /** Reads a report back. Fails with a clear message on anything that is not a v1 report. */
    public RunResult read(Reader in) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(in);
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
            mapper.convertValue(check.path("metrics"), METRICS).forEach(builder::metric);
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
