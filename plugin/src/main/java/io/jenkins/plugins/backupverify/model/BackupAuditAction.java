package io.jenkins.plugins.backupverify.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import io.backupverify.engine.audit.AuditFinding;
import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.AuditText;
import io.backupverify.engine.audit.Severity;
import io.backupverify.engine.audit.report.AuditHtmlReport;
import io.backupverify.engine.audit.report.AuditJUnitReport;
import io.backupverify.engine.audit.report.AuditJsonReport;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.trend.AuditPoint;
import io.jenkins.plugins.backupverify.Messages;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The result of one {@code backupAudit} call on the build page: the verdict, the number of findings per severity, the
 * overall success rate and the first findings with their actions and escalation, in build.xml; the full audit (JSON,
 * HTML with its charts, JUnit XML) in side files named after the call's id.
 */
public class BackupAuditAction extends BackupResultAction {
    public static final String DEFAULT_ID = "backup-audit";
    public static final String REPORT_SUFFIX = ".json";
    public static final String HTML_SUFFIX = ".html";
    public static final String JUNIT_SUFFIX = "-junit.xml";
    /** How many findings build.xml keeps for the summary; the reports have all of them. */
    public static final int FINDINGS_KEPT = 20;
    /**
     * The audit's HTML draws its charts with the ECharts script it carries inline. The sandbox (without
     * allow-same-origin) runs that script in an origin of its own, away from Jenkins' cookies and pages, and nothing
     * may be loaded from anywhere.
     */
    public static final String HTML_POLICY = "sandbox allow-scripts; default-src 'none'; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; img-src data:";

    private final String plan;
    private final int critical;
    private final int warning;
    private final int info;
    private final int verifyRuns;
    private final int restoreRuns;
    /** The overall success rate in percent, or -1 without runs. */
    private final double successRate;
    /** The success rate the audit required, in percent; null in builds recorded before it was kept. */
    private final Double requiredRate;
    private final List<FindingRecord> findings;

    private BackupAuditAction(Run<?, ?> owner, String id, String plan, AuditResult audit, OutcomePolicy policy,
            @CheckForNull String problem) {
        super(owner, id, audit == null ? Status.ERROR : audit.status(), policy, problem);
        this.plan = plan;
        this.critical = audit == null ? 0 : (int) audit.count(Severity.CRITICAL);
        this.warning = audit == null ? 0 : (int) audit.count(Severity.WARNING);
        this.info = audit == null ? 0 : (int) audit.count(Severity.INFO);
        this.verifyRuns = audit == null ? 0 : audit.verifyRuns();
        this.restoreRuns = audit == null ? 0 : audit.restoreRuns();
        this.successRate = audit == null || audit.overall().runs() == 0 ? -1 : audit.overall().ratePercent();
        this.requiredRate = audit == null ? null : audit.spec().successRate().min().value();
        List<FindingRecord> kept = new ArrayList<>();
        if (audit != null) {
            for (AuditFinding finding : audit.findings().subList(0, Math.min(FINDINGS_KEPT, audit.findings().size()))) {
                kept.add(new FindingRecord(finding));
            }
        }
        this.findings = kept;
    }

    /** Writes the audit's reports next to build.xml and attaches the action. */
    public static BackupAuditAction record(Run<?, ?> run, String id, String planSource, AuditResult audit,
            OutcomePolicy policy) throws IOException {
        writeSideFile(run, id, REPORT_SUFFIX, out -> new AuditJsonReport().write(audit, out));
        writeSideFile(run, id, HTML_SUFFIX, out -> new AuditHtmlReport().write(audit, out));
        writeSideFile(run, id, JUNIT_SUFFIX, out -> new AuditJUnitReport().write(audit, out));
        BackupAuditAction action = new BackupAuditAction(run, id, planSource, audit, policy, null);
        run.addAction(action);
        return action;
    }

    /** Attaches an ERROR result for a plan that could not be used. */
    public static BackupAuditAction recordProblem(Run<?, ?> run, String id, String planSource, String problem,
            OutcomePolicy policy) {
        BackupAuditAction action = new BackupAuditAction(run, id, planSource, null, policy, problem);
        run.addAction(action);
        return action;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected String getStepDisplayName() {
        return Messages.BackupAuditAction_DisplayName();
    }

    @Override
    public BackupJobAction<?> createJobAction(Job<?, ?> job) {
        return new BackupAuditJobAction(job, this);
    }

    @Exported
    public String getPlan() {
        return plan;
    }

    @Exported
    public int getCritical() {
        return critical;
    }

    @Exported
    public int getWarning() {
        return warning;
    }

    @Exported
    public int getInfo() {
        return info;
    }

    @Exported
    public int getVerifyRuns() {
        return verifyRuns;
    }

    @Exported
    public int getRestoreRuns() {
        return restoreRuns;
    }

    @Exported
    public double getSuccessRate() {
        return successRate;
    }

    /** The success rate the audit required in percent, or -1 when the build did not keep it. */
    @Exported
    public double getRequiredRate() {
        return requiredRate == null ? -1 : requiredRate;
    }

    /** This audit's numbers on the job's audit trend: build.xml values only. */
    public AuditPoint getTrendPoint() {
        return new AuditPoint(successRate, getRequiredRate(), critical, warning, info);
    }

    /** The audit result of a build with this id, or null. */
    @CheckForNull
    public static BackupAuditAction of(Run<?, ?> run, String id) {
        return of(run, BackupAuditAction.class, id);
    }

    /** The overall success rate for pages: {@code 97.5%}, or {@code -} without runs. */
    public String getSuccessRateText() {
        return successRate < 0 ? "-" : AuditText.percent(successRate);
    }

    /** The first findings, worst first. */
    @Exported
    public List<FindingRecord> getFindings() {
        return findings == null ? List.of() : List.copyOf(findings);
    }

    /** How many findings the summary leaves to the report. */
    public int getMoreFindings() {
        return Math.max(0, critical + warning + info - getFindings().size());
    }

    /** Serves the JSON audit as a download. */
    public void doJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        serve(REPORT_SUFFIX, "application/json;charset=UTF-8", true, rsp);
    }

    /** Serves the HTML audit with its charts, sandboxed. */
    public void doHtml(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        rsp.setHeader("Content-Security-Policy", HTML_POLICY);
        serve(HTML_SUFFIX, "text/html;charset=UTF-8", false, rsp);
    }

    /** Serves the JUnit XML audit as a download. */
    public void doJunit(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        serve(JUNIT_SUFFIX, "application/xml;charset=UTF-8", true, rsp);
    }

    /** One finding as build.xml keeps it. */
    @ExportedBean(defaultVisibility = 2)
    public static final class FindingRecord implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String severity;
        private final String subject;
        private final String title;
        private final String action;
        private final String escalation;

        FindingRecord(AuditFinding finding) {
            this.severity = finding.severity().name();
            this.subject = finding.subject();
            this.title = finding.title();
            this.action = finding.action();
            this.escalation = finding.escalation();
        }

        @Exported
        public String getSeverity() {
            return severity;
        }

        @Exported
        public String getSubject() {
            return subject;
        }

        @Exported
        public String getTitle() {
            return title;
        }

        @Exported
        public String getAction() {
            return action;
        }

        @Exported
        public String getEscalation() {
            return escalation;
        }
    }
}
