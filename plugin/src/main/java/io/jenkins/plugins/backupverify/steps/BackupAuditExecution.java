package io.jenkins.plugins.backupverify.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.backupverify.engine.audit.AuditFinding;
import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.Auditor;
import io.backupverify.engine.audit.Severity;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.HistoryRead;
import io.backupverify.engine.outcome.BuildOutcome;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import io.jenkins.plugins.backupverify.audit.BuildHistoryReader;
import io.jenkins.plugins.backupverify.audit.JobCoverage;
import io.jenkins.plugins.backupverify.model.BackupAuditAction;
import io.jenkins.plugins.util.PipelineResultHandler;
import io.jenkins.plugins.util.ResultHandler;
import java.io.Serial;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.springframework.security.core.Authentication;

/**
 * Runs {@code backupAudit} on the controller, off the Pipeline thread: reads the plan from the workspace, collects
 * the history records of the jobs' builds in the audit period (only jobs the build's authentication may read) and
 * their coverage ledgers, audits them with the engine and records a {@link BackupAuditAction}. A critical finding is a FAIL verdict, a warning WARN;
 * no recorded run in the period is ERROR.
 */
final class BackupAuditExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final String FUNCTION = "backupAudit";

    private final transient BackupAuditStep step;

    BackupAuditExecution(BackupAuditStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        FilePath workspace = getContext().get(FilePath.class);
        TaskListener listener = getContext().get(TaskListener.class);
        ResultHandler results = new PipelineResultHandler(run, getContext().get(FlowNode.class));
        String id = step.getEffectiveId();
        try (CallIds.Claim ignored = CallIds.claim(run, id, FUNCTION)) {
            OutcomePolicy policy;
            try {
                policy = step.policy();
            } catch (IllegalArgumentException e) {
                throw new AbortException(FUNCTION + ": " + e.getMessage());
            }
            BackupStepExecution.PlanText input = BackupStepExecution.readPlan(step, FUNCTION, workspace);
            Plan plan;
            try {
                if (input.problem() != null) {
                    throw new PlanException(input.source(), 0, 0, "", input.problem());
                }
                plan = selectedSets(new PlanParser().parse(input.text(), input.source(), Path.of(".")));
            } catch (PlanException e) {
                BackupAuditAction.recordProblem(run, id, input.source(), e.getMessage(), policy);
                BackupStepExecution.publish(results, BuildOutcome.FAILURE, FUNCTION, id, Status.ERROR.name());
                throw new AbortException(FUNCTION + ": " + e.getMessage());
            }
            List<Job<?, ?>> jobs = jobs(run);
            Instant now = Instant.now();
            HistoryRead history = BuildHistoryReader.read(jobs, now.minus(plan.audit().period().duration()), run);
            AuditResult audit = new Auditor().audit(plan, history, JobCoverage.of(jobs), now, false);
            BackupAuditAction action = BackupAuditAction.record(run, id, input.source(), audit, policy);
            log(listener, audit, jobs, action);
            BackupStepExecution.publish(results, policy.outcomeOf(audit.status()), FUNCTION, id,
                    audit.status().name());
            return returnValue(audit, policy);
        }
    }

    private Plan selectedSets(Plan plan) throws PlanException {
        if (step.getSets().isEmpty()) {
            return plan;
        }
        plan.requireSets(step.getSets());
        List<BackupSetSpec> sets = plan.backupSets().stream().filter(set -> step.getSets().contains(set.name()))
                .toList();
        return new Plan(plan.source(), plan.baseDir(), plan.timezone(), sets, plan.audit(),
                plan.timezoneStated());
    }

    /**
     * This job, or the named ones. A name that is not a job the build's authentication may read is an error that
     * does not say whether such a job exists.
     */
    private List<Job<?, ?>> jobs(Run<?, ?> run) throws AbortException {
        List<Job<?, ?>> jobs = new ArrayList<>();
        if (step.getJobs().isEmpty()) {
            jobs.add(run.getParent());
            return jobs;
        }
        Authentication auth = run.getParent() instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task)
                : Jenkins.getAuthentication2();
        for (String name : step.getJobs()) {
            Job<?, ?> job;
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                job = Jenkins.get().getItem(name, run.getParent(), Job.class);
            }
            if (job == null || !job.hasPermission2(auth, Item.READ)) {
                throw new AbortException(FUNCTION + ": no job named '" + name + "' that this build may read");
            }
            jobs.add(job);
        }
        return jobs;
    }

    private static void log(TaskListener listener, AuditResult audit, List<Job<?, ?>> jobs,
            BackupAuditAction action) {
        listener.getLogger().println(FUNCTION + ": " + audit.status() + " over " + audit.spec().period() + " of "
                + jobs.stream().map(Job::getFullName).toList() + ": " + audit.verifyRuns() + " verify and "
                + audit.restoreRuns() + " restore-test runs; " + audit.count(Severity.CRITICAL) + " critical, "
                + audit.count(Severity.WARNING) + " warning, " + audit.count(Severity.INFO) + " info findings");
        for (AuditFinding finding : audit.findings()) {
            listener.getLogger().println("  " + finding.severity() + "  " + finding.title() + "  -> "
                    + finding.escalation());
        }
        listener.getLogger().println(FUNCTION + ": details on the build's \"" + action.getDisplayName() + "\" page ("
                + action.getUrlName() + ")");
    }

    private static Map<String, Object> returnValue(AuditResult audit, OutcomePolicy policy) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("status", audit.status().name());
        value.put("outcome", policy.outcomeOf(audit.status()).name());
        value.put("critical", (int) audit.count(Severity.CRITICAL));
        value.put("warning", (int) audit.count(Severity.WARNING));
        value.put("info", (int) audit.count(Severity.INFO));
        value.put("verifyRuns", audit.verifyRuns());
        value.put("restoreTestRuns", audit.restoreRuns());
        value.put("successRate", audit.overall().runs() == 0 ? null : audit.overall().ratePercent());
        return value;
    }
}
