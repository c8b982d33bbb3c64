package io.jenkins.plugins.backupverify.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.HealthReport;
import hudson.model.HealthReportingAction;
import hudson.model.Job;
import hudson.model.Run;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecords;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.report.HtmlReport;
import io.backupverify.engine.report.JUnitReport;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.summary.CapacityFigure;
import io.backupverify.engine.summary.RunSummaryView;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.config.BackupVerifyConfiguration;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;

/**
 * The result of one {@code backupVerify} call on the build page. build.xml keeps only small numbers (counts per
 * status, bytes verified, capacity per target), which the trend charts read; the full report is the side file
 * {@code <id>.json} in the build's folder, read when a page needs it and then held only weakly. The HTML and JUnit XML
 * reports sit next to it and are served as they are.
 */
public class BackupVerifyAction extends BackupResultAction implements HealthReportingAction {
    private static final Logger LOGGER = Logger.getLogger(BackupVerifyAction.class.getName());

    public static final String DEFAULT_ID = "backup-verification";
    /** How many builds, this one included, the health looks at. */
    public static final int HEALTH_BUILDS = 10;
    public static final String REPORT_SUFFIX = ".json";
    public static final String HTML_SUFFIX = ".html";
    public static final String JUNIT_SUFFIX = "-junit.xml";
    /** The HTML report is self-contained (inline style sheet, no scripts); this policy keeps it so when served. */
    public static final String HTML_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

    private final String plan;
    /** The run number that picked the integrity sample; 0 for a verification that could not run (and before 1.x). */
    private final long runNumber;
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

    private transient WeakReference<RunResult> report;

    protected BackupVerifyAction(Run<?, ?> owner, String id, RunResult result, OutcomePolicy policy) {
        this(owner, id, result.plan(), result.runNumber(), BuildSummary.of(result), policy, null);
        this.report = new WeakReference<>(result);
    }

    protected BackupVerifyAction(Run<?, ?> owner, String id, String plan, long runNumber, BuildSummary summary,
            OutcomePolicy policy, String problem) {
        super(owner, id, summary.status(), policy, problem);
        this.plan = plan;
        this.runNumber = runNumber;
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
    }

    /**
     * Writes the reports (JSON, HTML, JUnit XML) next to build.xml and attaches the action. The caller has made sure
     * no other action of the build uses the id.
     */
    public static BackupVerifyAction record(Run<?, ?> run, String id, RunResult result, String reportJson,
            OutcomePolicy policy) throws IOException {
        writeReports(run, id, result, reportJson);
        writeHistoryRecord(run, id, result, RunKind.VERIFY);
        BackupVerifyAction action = new BackupVerifyAction(run, id, result, policy);
        run.addAction(action);
        return action;
    }

    /** Writes the JSON, HTML and JUnit XML reports of a call next to build.xml. */
    protected static void writeReports(Run<?, ?> run, String id, RunResult result, String reportJson)
            throws IOException {
        writeSideFile(run, id, REPORT_SUFFIX, out -> out.write(reportJson));
        writeSideFile(run, id, HTML_SUFFIX, out -> new HtmlReport().write(result, out));
        writeSideFile(run, id, JUNIT_SUFFIX, out -> new JUnitReport().write(result, out));
    }

    /**
     * Attaches an ERROR result for a verification that could not run (a plan that could not be used, an agent gone):
     * no sets verified, the problem shown instead. Its history record makes {@code backupAudit} count it as an ERROR
     * of every set, not leave it out of the success rate.
     */
    public static BackupVerifyAction recordProblem(Run<?, ?> run, String id, String planSource, String problem,
            OutcomePolicy policy) throws IOException {
        writeHistoryRecord(run, id, RunRecords.couldNotRun(RunKind.VERIFY, planSource, run.getNumber(),
                Instant.ofEpochMilli(run.getStartTimeInMillis())));
        BuildSummary nothing = new BuildSummary(Status.ERROR, Map.of(), Map.of(), 0, 0, List.of());
        BackupVerifyAction action = new BackupVerifyAction(run, id, planSource, 0, nothing, policy, problem);
        run.addAction(action);
        return action;
    }

    /** The action of the call with this id in the build, or null. */
    @CheckForNull
    public static BackupVerifyAction of(Run<?, ?> run, String id) {
        return of(run, BackupVerifyAction.class, id);
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected String getStepDisplayName() {
        return Messages.BackupVerifyAction_DisplayName();
    }

    @Override
    public BackupJobAction<?> createJobAction(Job<?, ?> job) {
        return new BackupVerifyJobAction(job, this);
    }

    /**
     * The job's weather: the share of the newest {@value #HEALTH_BUILDS} builds (this one and those before it) whose
     * call with this id ended without FAIL or ERROR, scored against the global thresholds. Builds without this id
     * are not counted; build.xml values only.
     */
    @Override
    public HealthReport getBuildHealth() {
        Run<?, ?> run = getOwner();
        int verified = 0;
        int good = 0;
        for (int walked = 0; run != null && walked < HEALTH_BUILDS; walked++, run = run.getPreviousBuild()) {
            BackupVerifyAction action = of(run, getId());
            if (action != null) {
                verified++;
                if (!action.getVerdict().isWorseThan(Status.WARN)) {
                    good++;
                }
            }
        }
        if (verified == 0) {
            return null;
        }
        int score = BackupVerifyConfiguration.get().healthScore(100.0 * good / verified);
        return new HealthReport(score, Messages._BackupVerifyAction_Health(getDisplayName(), good, verified));
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
        return new BuildSummary(getVerdict(), sets, checks, verifiedBytes, verifiedFiles, figures);
    }

    @Exported
    /**
     * The run number that picked this verification's integrity sample; empty when it could not run (it read
     * nothing). Actions recorded before the number was kept used their build's number.
     */
    public OptionalLong sampleRunNumber() {
        if (getProblem() != null) {
            return OptionalLong.empty();
        }
        if (runNumber > 0) {
            return OptionalLong.of(runNumber);
        }
        Run<?, ?> owner = getOwner();
        return owner == null ? OptionalLong.empty() : OptionalLong.of(owner.getNumber());
    }

    public String getPlan() {
        return plan;
    }

    @Exported
    public int getSetCount() {
        return setsPassed + setsWarned + setsFailed + setsErrored;
    }

    @Exported
    public int getSetsPassed() {
        return setsPassed;
    }

    @Exported
    public int getSetsWarned() {
        return setsWarned;
    }

    @Exported
    public int getSetsFailed() {
        return setsFailed;
    }

    @Exported
    public int getSetsErrored() {
        return setsErrored;
    }

    @Exported
    public int getChecksPassed() {
        return checksPassed;
    }

    @Exported
    public int getChecksWarned() {
        return checksWarned;
    }

    @Exported
    public int getChecksFailed() {
        return checksFailed;
    }

    @Exported
    public int getChecksErrored() {
        return checksErrored;
    }

    @Exported
    public long getVerifiedBytes() {
        return verifiedBytes;
    }

    @Exported
    public long getVerifiedFiles() {
        return verifiedFiles;
    }

    @Exported
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
        if (getOwner() == null || getProblem() != null) {
            return null;
        }
        File file = sideFile(REPORT_SUFFIX);
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
        serve(REPORT_SUFFIX, "application/json;charset=UTF-8", true, rsp);
    }

    /** Serves the HTML report, sandboxed: it may show its own inline styles and nothing else. */
    public void doHtml(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        rsp.setHeader("Content-Security-Policy", HTML_POLICY);
        serve(HTML_SUFFIX, "text/html;charset=UTF-8", false, rsp);
    }

    /** Serves the JUnit XML report as a download. */
    public void doJunit(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        serve(JUNIT_SUFFIX, "application/xml;charset=UTF-8", true, rsp);
    }
}
