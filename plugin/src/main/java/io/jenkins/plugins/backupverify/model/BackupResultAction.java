package io.jenkins.plugins.backupverify.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.HistoryFormat;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.RunRecords;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.run.RunResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Objects;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What one call of a backup step left on its build: the verdict, the outcome it gave the build, and side files in the
 * build's folder named after the call's {@link #getId() id}. The id is also the action's URL, so one build can hold
 * several calls (of one step or of several). build.xml keeps only small values; subclasses add their own small numbers
 * and read their report from a side file when a page needs it.
 *
 * <p>The small values are also the REST API: {@code <build>/<id>/api/json} (reading it needs Read on the job, like the
 * build itself).
 */
@ExportedBean
public abstract class BackupResultAction implements RunAction2 {
    public static final String ICON = "symbol-shield-checkmark-outline plugin-ionicons-api";
    /** The side file with the call's history record for audits. */
    public static final String HISTORY_SUFFIX = "-history.json";

    private String id;
    private final String status;
    private final String outcome;
    private final String unstableOn;
    private final String failOn;
    /** Why the step could not run its command (a broken plan), or null. */
    private final String problem;

    private transient Run<?, ?> owner;

    /**
     * @param status  the verdict; ERROR when the command could not run
     * @param problem why the command could not run, or null
     */
    protected BackupResultAction(Run<?, ?> owner, String id, Status status, OutcomePolicy policy,
            @CheckForNull String problem) {
        this.owner = owner;
        this.id = Objects.requireNonNull(id, "id");
        this.status = status.name();
        this.outcome = policy.outcomeOf(status).name();
        this.unstableOn = policy.unstableOn().name();
        this.failOn = policy.failOn().name();
        this.problem = problem;
    }

    /** The id builds recorded before ids existed had. */
    protected abstract String defaultId();

    @Serial
    protected Object readResolve() {
        if (id == null) {
            id = defaultId();
        }
        return this;
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

    /** Names this call's URL, side files and trend. */
    @Exported
    @NonNull
    public String getId() {
        return id;
    }

    @Override
    public String getUrlName() {
        return id;
    }

    @Override
    public String getIconFileName() {
        return ICON;
    }

    /** The step's name for people, followed by the id when it is not the step's default. */
    @Override
    public String getDisplayName() {
        return id.equals(defaultId()) ? getStepDisplayName() : getStepDisplayName() + " (" + id + ")";
    }

    protected abstract String getStepDisplayName();

    /** The job page part of this call's id: its trend charts and a link to the newest result. */
    public abstract BackupJobAction<?> createJobAction(Job<?, ?> job);

    /** The result of this type and id in the build (the first of this type when the id is null), or null. */
    @CheckForNull
    public static <A extends BackupResultAction> A of(Run<?, ?> run, Class<A> type, @CheckForNull String id) {
        for (A action : run.getActions(type)) {
            if (id == null || action.getId().equals(id)) {
                return action;
            }
        }
        return null;
    }

    @Exported
    public String getStatus() {
        return status;
    }

    public Status getVerdict() {
        return Status.valueOf(status);
    }

    @Exported
    public String getOutcome() {
        return outcome;
    }

    @Exported
    public String getUnstableOn() {
        return unstableOn;
    }

    @Exported
    public String getFailOn() {
        return failOn;
    }

    /** Why the command could not run (the build is ERROR then), or null. */
    @Exported
    @CheckForNull
    public String getProblem() {
        return problem;
    }

    /** The REST API of this result. */
    public Api getApi() {
        return new Api(this);
    }

    /** A side file of this call in the build's folder: {@code <id><suffix>}, e.g. {@code .json}. */
    protected File sideFile(String suffix) {
        Run<?, ?> run = Objects.requireNonNull(owner, "owner");
        return new File(run.getRootDir(), id + suffix);
    }

    /** Writes a side file of the call with the given id, before the action exists. */
    protected static void writeSideFile(Run<?, ?> run, String id, String suffix, SideFileWriter content)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(new File(run.getRootDir(), id + suffix).toPath(),
                StandardCharsets.UTF_8)) {
            content.write(out);
        }
    }

    /**
     * Writes the call's history record: the few numbers per set and check that {@code backupAudit} reads, a few
     * kilobytes, so an audit over hundreds of builds never loads their reports.
     */
    protected static void writeHistoryRecord(Run<?, ?> run, String id, RunResult result, RunKind kind)
            throws IOException {
        writeHistoryRecord(run, id, RunRecords.of(result, kind));
    }

    /** Writes a history record made otherwise (a run that could not start). */
    protected static void writeHistoryRecord(Run<?, ?> run, String id, RunRecord record) throws IOException {
        Files.write(new File(run.getRootDir(), id + HISTORY_SUFFIX).toPath(), new HistoryFormat().write(record));
    }

    /**
     * This call's history record, for audits; null when it has none (a plan that could not be used, or a build
     * recorded before audits existed).
     *
     * @throws IOException when the record exists but cannot be read; the audit names it and goes on
     */
    @CheckForNull
    public RunRecord readHistoryRecord() throws IOException {
        if (owner == null) {
            return null;
        }
        File file = sideFile(HISTORY_SUFFIX);
        if (!file.isFile()) {
            return null;
        }
        return new HistoryFormat().read(Files.readAllBytes(file.toPath()));
    }

    /** Writes one side file. */
    @FunctionalInterface
    protected interface SideFileWriter {
        void write(Writer out) throws IOException;
    }

    /**
     * Serves a side file to users who may read the job; {@code nosniff}, and as a download unless it is shown inline.
     */
    protected void serve(String suffix, String contentType, boolean download, StaplerResponse2 rsp)
            throws IOException {
        if (owner == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        owner.checkPermission(Item.READ);
        File file = sideFile(suffix);
        if (!file.isFile()) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.setContentType(contentType);
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        if (download) {
            rsp.setHeader("Content-Disposition", "attachment; filename=" + file.getName());
        }
        Files.copy(file.toPath(), rsp.getOutputStream());
    }
}
