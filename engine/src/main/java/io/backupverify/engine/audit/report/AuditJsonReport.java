package io.backupverify.engine.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupverify.engine.audit.AuditFinding;
import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.CapacityTrend;
import io.backupverify.engine.audit.ControlEvidence;
import io.backupverify.engine.audit.CoverageStatement;
import io.backupverify.engine.audit.DurationTrend;
import io.backupverify.engine.audit.InventoryItem;
import io.backupverify.engine.audit.LatestCheck;
import io.backupverify.engine.audit.LinearFit;
import io.backupverify.engine.audit.RecurringFailure;
import io.backupverify.engine.audit.RestoreReview;
import io.backupverify.engine.audit.RestoreTiming;
import io.backupverify.engine.audit.SetSuccess;
import io.backupverify.engine.audit.Severity;
import io.backupverify.engine.audit.TimedValue;
import io.backupverify.engine.util.ToolVersion;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** The audit as JSON, schema {@value #SCHEMA}; docs/audits.md documents the fields. */
public final class AuditJsonReport {
    public static final String SCHEMA = "backup-verify/audit/v1";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(AuditResult audit, Writer out) throws IOException {
        mapper.writeValue(out, toJson(audit));
    }

    public ObjectNode toJson(AuditResult audit) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.putObject("tool").put("name", ToolVersion.NAME).put("version", ToolVersion.version());
        root.put("plan", audit.plan());
        root.put("status", audit.status().name());
        root.put("auditedAt", audit.auditedAt().toString());
        root.put("periodStart", audit.periodStart().toString());
        root.put("period", audit.spec().period().toString());
        root.put("verifyRuns", audit.verifyRuns());
        root.put("restoreTestRuns", audit.restoreRuns());
        root.put("durationMs", audit.durationMs());
        ObjectNode counts = root.putObject("findingCounts");
        for (Severity severity : Severity.values()) {
            counts.put(severity.label(), audit.count(severity));
        }
        ArrayNode damaged = root.putArray("damagedHistoryFiles");
        audit.damaged().forEach(d -> damaged.addObject().put("file", d.file()).put("reason", d.reason()));
        ObjectNode success = root.putObject("successRate");
        success.put("min", audit.spec().successRate().min().value());
        success.put("counts", "a run is successful for a set when its verdict is PASS or WARN");
        success.set("overall", success(audit.overall()));
        ArrayNode sets = success.putArray("sets");
        audit.successRates().forEach(set -> sets.add(success(set)));
        ArrayNode recurring = root.putArray("recurringFailures");
        audit.recurringFailures().forEach(failure -> recurring.add(recurring(failure)));
        ArrayNode durations = root.putArray("backupDurations");
        audit.durations().forEach(trend -> durations.add(duration(trend)));
        ArrayNode capacity = root.putArray("capacity");
        audit.capacity().forEach(trend -> capacity.add(capacity(trend)));
        root.set("bytesVerified", points(audit.bytesVerified()));
        ArrayNode restores = root.putArray("restoreTests");
        audit.restoreTests().forEach(review -> restores.add(restore(review)));
        ArrayNode coverage = root.putArray("coverage");
        audit.coverage().forEach(statement -> coverage.add(coverage(statement)));
        ArrayNode inventory = root.putArray("inventory");
        for (InventoryItem item : audit.inventory()) {
            inventory.addObject().put("system", item.system()).put("hasSet", item.hasSet()).put("runs", item.runs())
                    .put("successfulRuns", item.successfulRuns()).put("covered", item.covered());
        }
        ArrayNode latest = root.putArray("latestResults");
        for (LatestCheck check : audit.latest()) {
            latest.addObject().put("set", check.set()).put("check", check.check())
                    .put("status", check.status().name()).put("at", check.at().toString())
                    .put("summary", check.summary());
        }
        ArrayNode findings = root.putArray("findings");
        for (int i = 0; i < audit.findings().size(); i++) {
            findings.add(finding(i + 1, audit.findings().get(i)));
        }
        ArrayNode controls = root.putArray("controls");
        audit.controls().forEach(control -> controls.add(control(control)));
        return root;
    }

    private ObjectNode success(SetSuccess set) {
        return mapper.createObjectNode().put("set", set.set()).put("runs", set.runs()).put("pass", set.passed())
                .put("warn", set.warned()).put("fail", set.failed()).put("error", set.errors())
                .put("successes", set.successes()).put("ratePercent", set.ratePercent())
                .put("warnSharePercent", set.warnSharePercent());
    }

    private ObjectNode recurring(RecurringFailure failure) {
        return mapper.createObjectNode().put("kind", failure.kind()).put("set", failure.set())
                .put("check", failure.check()).put("count", failure.count()).put("runs", failure.runs())
                .put("firstSeen", failure.firstSeen().toString()).put("lastSeen", failure.lastSeen().toString())
                .put("worst", failure.worst().name()).put("stillFailing", failure.stillFailing())
                .put("lastSummary", failure.lastSummary());
    }

    private ObjectNode duration(DurationTrend trend) {
        ObjectNode node = mapper.createObjectNode().put("set", trend.set())
                .put("growthPercent", trend.growthPercent()).put("slowing", trend.slowing());
        node.set("fit", fit(trend.fit()));
        node.set("seconds", points(trend.seconds()));
        return node;
    }

    private ObjectNode capacity(CapacityTrend trend) {
        ObjectNode node = mapper.createObjectNode().put("target", trend.target())
                .put("totalBytes", trend.totalBytes()).put("latestPercent", trend.latestPercent())
                .put("warnAtPercent", trend.warnAt());
        node.put("warnDate", instant(trend.warnDate()));
        node.put("fullDate", instant(trend.fullDate()));
        node.put("forecast", trend.forecast());
        node.set("fit", fit(trend.fit()));
        node.set("usedBytes", points(trend.usedBytes()));
        return node;
    }

    private ObjectNode restore(RestoreReview review) {
        ObjectNode node = mapper.createObjectNode().put("set", review.set()).put("inCadence", review.inCadence())
                .put("required", review.required());
        ArrayNode timings = node.putArray("tests");
        for (RestoreTiming timing : review.timings()) {
            ObjectNode test = timings.addObject().put("at", timing.at().toString()).put("seconds", timing.seconds())
                    .put("status", timing.status().name()).put("overRto", timing.overRto());
            if (timing.rtoSeconds() >= 0) {
                test.put("rtoSeconds", timing.rtoSeconds());
            } else {
                test.putNull("rtoSeconds");
            }
        }
        return node;
    }

    private ObjectNode coverage(CoverageStatement statement) {
        ObjectNode node = mapper.createObjectNode().put("set", statement.set())
                .put("complete", statement.complete()).put("statement", statement.statement());
        if (statement.staleness() != null) {
            node.put("files", statement.staleness().files()).put("notVerified", statement.staleness().stale())
                    .put("neverVerified", statement.staleness().never());
            ArrayNode examples = node.putArray("examples");
            statement.staleness().examples().forEach(examples::add);
        }
        return node;
    }

    private ObjectNode finding(int number, AuditFinding finding) {
        ObjectNode node = mapper.createObjectNode().put("number", number)
                .put("severity", finding.severity().label()).put("area", finding.area())
                .put("subject", finding.subject()).put("title", finding.title());
        strings(node.putArray("evidence"), finding.evidence());
        node.put("action", finding.action()).put("escalation", finding.escalation());
        strings(node.putArray("controls"), finding.controls());
        return node;
    }

    private ObjectNode control(ControlEvidence evidence) {
        ObjectNode node = mapper.createObjectNode().put("framework", evidence.control().framework())
                .put("id", evidence.control().id()).put("title", evidence.control().title())
                .put("state", evidence.state());
        strings(node.putArray("passing"), evidence.passing());
        ArrayNode numbers = node.putArray("findings");
        evidence.findings().forEach(numbers::add);
        return node;
    }

    private ObjectNode fit(LinearFit fit) {
        if (fit == null) {
            return null;
        }
        return mapper.createObjectNode().put("points", fit.points()).put("slopePerDay", fit.slope())
                .put("intercept", fit.intercept()).put("r2", fit.r2()).put("quality", fit.quality());
    }

    private ArrayNode points(List<TimedValue> values) {
        ArrayNode array = mapper.createArrayNode();
        values.forEach(point -> array.addObject().put("at", point.at().toString()).put("value", point.value()));
        return array;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
