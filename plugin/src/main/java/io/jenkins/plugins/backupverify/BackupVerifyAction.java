package io.jenkins.plugins.backupverify;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.report.HtmlReport;
import io.backupverify.engine.report.JUnitReport;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.summary.CapacityFigure;
import io.backupverify.engine.summary.RunSummaryView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The verification result on the build page. build.xml keeps only small numbers (counts per status, bytes verified,
 * capacity per target), which the trend charts read; the full report is the side file
 * {@value #REPORT_FILE} in the build's folder, read when a page needs it and then held only weakly. The HTML and
 * JUnit XML reports sit next to it and are served as they are.
 */
public class BackupVerifyAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(BackupVerifyAction.class.getName());

    static final String URL_NAME = "backup-verification";
    static final String ICON = "symbol-shield-checkmark-outline plugin-ionicons-api";
    static final String REPORT_FILE = "backup-verification.json";
    static final String HTML_FILE = "backup-verification.html";
    static final String JUNIT_FILE = "backup-verification-junit.xml";
    /** The HTML report is self-contained (inline style sheet, no scripts); this policy keeps it so when served. */
    static final String HTML_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

    private final String plan;
    private final String status;
    private final String outcome;
    private final String unstableOn;
    private final String failOn;
    private final int setsPassed;
    private final int setsWarned;
    private final int setsFailed;
    private final int setsErrored;
    private final int checksPassed;
    private final int checksWarned;
    private final int checksFailed;
    private final int checksErrored;
    private final long verifiedBytes;
    private final long verifiedFiles;
    private final List<CapacityRecord> capacity;

    private transient Run<?, ?> owner;
    private transient WeakReference<RunResult> report;

    BackupVerifyAction(Run<?, ?> owner, RunResult result, OutcomePolicy policy) {
        this.owner = owner;
        BuildSummary summary = BuildSummary.of(result);
        this.plan = result.plan();
        this.status = summary.status().name();
        this.outcome = policy.outcomeOf(summary.status()).name();
        this.unstableOn = policy.unstableOn().name();
        this.failOn = policy.failOn().name();
        this.setsPassed = summary.setCounts().get(Status.PASS);
        this.setsWarned = summary.setCounts().get(Status.WARN);
        this.setsFailed = summary.setCounts().get(Status.FAIL);
        this.setsErrored = summary.setCounts().get(Status.ERROR);
        this.checksPassed = summary.checkCounts().get(Status.PASS);
        this.checksWarned = summary.checkCounts().get(Status.WARN);
        this.checksFailed = summary.checkCounts().get(Status.FAIL);
        this.checksErrored = summary.checkCounts().get(Status.ERROR);
        this.verifiedBytes = summary.verifiedBytes();
        this.verifiedFiles = summary.verifiedFiles();
        List<CapacityRecord> records = new ArrayList<>();
        for (CapacityFigure figure : summary.capacity()) {
            records.add(new CapacityRecord(figure));
        }
        this.capacity = records;
        this.report = new WeakReference<>(result);
    }

    /**
     * Writes the reports (JSON, HTML, JUnit XML) next to build.xml and attaches the action, replacing one of an earlier
     * call in the same build.
     */
    static BackupVerifyAction record(Run<?, ?> run, RunResult result, String reportJson, OutcomePolicy policy)
            throws IOException {
        Files.writeString(new File(run.getRootDir(), REPORT_FILE).toPath(), reportJson, StandardCharsets.UTF_8);
        try (Writer html = Files.newBufferedWriter(new File(run.getRootDir(), HTML_FILE).toPath(),
                StandardCharsets.UTF_8)) {
            new HtmlReport().write(result, html);
        }
        try (Writer junit = Files.newBufferedWriter(new File(run.getRootDir(), JUNIT_FILE).toPath(),
                StandardCharsets.UTF_8)) {
            new JUnitReport().write(result, junit);
        }
        BackupVerifyAction action = new BackupVerifyAction(run, result, policy);
        run.addOrReplaceAction(action);
        return action;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.owner = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.owner = run;
    }

    @CheckForNull
    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.BackupVerifyAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The small numbers of this build, as the trend charts read them (from build.xml only). */
    public BuildSummary getBuildSummary() {
        Map<Status, Integer> sets = new EnumMap<>(Status.class);
        sets.put(Status.PASS, setsPassed);
        sets.put(Status.WARN, setsWarned);
        sets.put(Status.FAIL, setsFailed);
        sets.put(Status.ERROR, setsErrored);
        Map<Status, Integer> checks = new EnumMap<>(Status.class);
        checks.put(Status.PASS, checksPassed);
        checks.put(Status.WARN, checksWarned);
        checks.put(Status.FAIL, checksFailed);
        checks.put(Status.ERROR, checksErrored);
        List<CapacityFigure> figures = getCapacity().stream().map(CapacityRecord::toFigure).toList();
        return new BuildSummary(Status.valueOf(status), sets, checks, verifiedBytes, verifiedFiles, figures);
    }

    public String getPlan() {
        return plan;
    }

    public String getStatus() {
        return status;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getUnstableOn() {
        return unstableOn;
    }

    public String getFailOn() {
        return failOn;
    }

    public int getSetCount() {
        return setsPassed + setsWarned + setsFailed + setsErrored;
    }

    public int getSetsPassed() {
        return setsPassed;
    }

    public int getSetsWarned() {
        return setsWarned;
    }

    public int getSetsFailed() {
        return setsFailed;
    }

    public int getSetsErrored() {
        return setsErrored;
    }

    public int getChecksPassed() {
        return checksPassed;
    }

    public int getChecksWarned() {
        return checksWarned;
    }

    public int getChecksFailed() {
        return checksFailed;
    }

    public int getChecksErrored() {
        return checksErrored;
    }

    public long getVerifiedBytes() {
        return verifiedBytes;
    }

    public long getVerifiedFiles() {
        return verifiedFiles;
    }

    public List<CapacityRecord> getCapacity() {
        return capacity == null ? List.of() : List.copyOf(capacity);
    }

    /**
     * The full report, read from the side file when no page has it in memory; null when the file is gone or cannot be
     * read (the small numbers above stay valid).
     */
    @CheckForNull
    public synchronized RunResult getReport() {
        RunResult cached = report == null ? null : report.get();
        if (cached != null) {
            return cached;
        }
        if (owner == null) {
            return null;
        }
        File file = new File(owner.getRootDir(), REPORT_FILE);
        try (Reader reader = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
            RunResult loaded = new JsonReport().read(reader);
            report = new WeakReference<>(loaded);
            return loaded;
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot read the backup verification report " + file, e);
            return null;
        }
    }

    /** What the pages show; null when the report cannot be read. */
    @CheckForNull
    public RunSummaryView getView() {
        RunResult result = getReport();
        return result == null ? null : RunSummaryView.of(result);
    }

    /** Serves the JSON report as a download. */
    public void doJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        serve(REPORT_FILE, "application/json;charset=UTF-8", true, rsp);
    }

    /** Serves the HTML report, sandboxed: it may show its own inline styles and nothing else. */
    public void doHtml(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        rsp.setHeader("Content-Security-Policy", HTML_POLICY);
        serve(HTML_FILE, "text/html;charset=UTF-8", false, rsp);
    }

    /** Serves the JUnit XML report as a download. */
    public void doJunit(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        serve(JUNIT_FILE, "application/xml;charset=UTF-8", true, rsp);
    }

    private void serve(String name, String contentType, boolean download, StaplerResponse2 rsp) throws IOException {
        if (owner == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        owner.checkPermission(Item.READ);
        File file = new File(owner.getRootDir(), name);
        if (!file.isFile()) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.setContentType(contentType);
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        if (download) {
            rsp.setHeader("Content-Disposition", "attachment; filename=" + name);
        }
        Files.copy(file.toPath(), rsp.getOutputStream());
    }
}
