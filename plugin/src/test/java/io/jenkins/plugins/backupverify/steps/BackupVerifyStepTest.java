package io.jenkins.plugins.backupverify.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.backupverify.Pipelines;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BackupVerifyStepTest {
    @Test
    void aFreshBackupPassesAndTheBuildRecordsTheSummary(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.verifying(j, "fresh", Duration.ofHours(2), "plan: 'plan.yaml'");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("status=PASS outcome=SUCCESS orders=PASS passed=1", run);
        j.assertLogContains("PASS: all 1 set passed", run);
        BackupVerifyAction action = run.getAction(BackupVerifyAction.class);
        assertThat(action, notNullValue());
        assertThat(action.getStatus(), is("PASS"));
        assertThat(action.getSetsPassed(), is(1));
        assertThat(action.getChecksPassed(), is(1));
        assertThat(action.getChecksFailed(), is(0));
        for (String report : List.of("backup-verification.json", "backup-verification.html",
                "backup-verification-junit.xml")) {
            assertThat(report, new File(run.getRootDir(), report).isFile(), is(true));
        }
        assertThat(action.getView().getSets().get(0).getName(), is("orders-db"));

        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        assertThat(buildXml, containsString("<setsPassed>1</setsPassed>"));
        assertThat("the report stays in its side file", buildXml, not(containsString("newest backup")));
    }

    /**
     * A step run on every other build takes the run number after its last verification's, not the build number:
     * with a 50% sample, builds 1 and 3 read the two halves (by build number both read the same one). {@code c} and
     * {@code d} fall in different halves, so each build reads one file (a build whose half held none would WARN).
     */
    @Test
    void aStepRunOnSomeBuildsOnlyReadsTheNextSliceEachTime(JenkinsRule j) throws Exception {
        WorkflowJob job = sampledJob(j, "every-other",
                "18ac3e7343f016890c510e93f935261169d9e3f565436429830faf0934f4f8e4",
                "if (currentBuild.number != 2) { backupVerify plan: 'plan.yaml' }");

        WorkflowRun first = j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        WorkflowRun third = j.buildAndAssertSuccess(job);

        long firstNumber = first.getAction(BackupVerifyAction.class).sampleRunNumber().getAsLong();
        assertThat(firstNumber, is(1L));
        assertThat(third.getAction(BackupVerifyAction.class).sampleRunNumber().getAsLong(), is(firstNumber + 1));
    }

    /**
     * A build after one whose sampled integrity check found a changed file reads that file's slice again: build 1
     * (slice 2/2) finds {@code d} changed; build 2 reads slice 1/2 and, again, 2/2, so it fails too instead of
     * turning green with nothing fixed (by its own slice alone it would read only {@code c}).
     */
    @Test
    void theBuildAfterASampledFailureReadsTheFailedSliceAgain(JenkinsRule j) throws Exception {
        WorkflowJob job = sampledJob(j, "rebuild", "49b95b8fb80caa3c1b670c66db13577ef461393ca55d39a9652b626dfe61f0ff",
                "backupVerify plan: 'plan.yaml'");

        WorkflowRun first = j.buildAndAssertStatus(Result.FAILURE, job);
        WorkflowRun second = j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(first.getAction(BackupVerifyAction.class).sampleRunNumber().getAsLong(), is(1L));
        assertThat(second.getAction(BackupVerifyAction.class).getChecksFailed(), is(1));
        assertThat(second.getAction(BackupVerifyAction.class).getReport().sets().get(0).checks().get(0).summary(),
                containsString("sample 1/2 and again 2/2"));
    }

    /**
     * The plan's sample changed after a sampled failure: build 1 (50%, slice 2/2) finds {@code d} changed; build 2
     * samples 25% and its own slice 3/4 holds {@code c} only, yet it reads {@code d} again by the cut it was named in
     * (2/2) and fails. Before, slices of another cut were dropped and build 2 was green with nothing fixed.
     */
    @Test
    void theBuildAfterASampledFailureReadsTheFailedFileAgainAfterTheSampleChanged(JenkinsRule j) throws Exception {
        WorkflowJob job = sampledJob(j, "resampled", "49b95b8fb80caa3c1b670c66db13577ef461393ca55d39a9652b626dfe61f0ff",
                "if (currentBuild.number > 1) {\n"
                + "writeFile file: 'plan.yaml', text: '''backupSets:\n"
                + "  - name: orders-db\n"
                + "    target: { type: local, path: backups }\n"
                + "    layout: { kind: directory-per-backup, namePattern: \"b-{yyyy-MM-dd}\" }\n"
                + "    checks:\n"
                + "      integrity: { manifest: SHA256SUMS, sample: 25% }\n"
                + "'''\n"
                + "}\n"
                + "backupVerify plan: 'plan.yaml'");

        WorkflowRun first = j.buildAndAssertStatus(Result.FAILURE, job);
        WorkflowRun second = j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(first.getAction(BackupVerifyAction.class).sampleRunNumber().getAsLong(), is(1L));
        assertThat(second.getAction(BackupVerifyAction.class).getChecksFailed(), is(1));
        assertThat(second.getAction(BackupVerifyAction.class).getReport().sets().get(0).checks().get(0).summary(),
                containsString("sample 3/4 and again 2/2"));
    }

    /**
     * A job whose backup holds {@code c} and {@code d}, which fall in different halves of a 50% sample, checked against
     * a manifest that gives {@code d} the digest {@code dDigest}; {@code step} calls the step.
     */
    private static WorkflowJob sampledJob(JenkinsRule j, String name, String dDigest, String step) throws Exception {
        return Pipelines.job(j, name, "node {\n"
                + "writeFile file: 'plan.yaml', text: '''backupSets:\n"
                + "  - name: orders-db\n"
                + "    target: { type: local, path: backups }\n"
                + "    layout: { kind: directory-per-backup, namePattern: \"b-{yyyy-MM-dd}\" }\n"
                + "    checks:\n"
                + "      integrity: { manifest: SHA256SUMS, sample: 50% }\n"
                + "'''\n"
                + "writeFile file: 'backups/b-2026-11-28/c', text: 'c'\n"
                + "writeFile file: 'backups/b-2026-11-28/d', text: 'd'\n"
                + "writeFile file: 'backups/b-2026-11-28/SHA256SUMS', text: "
                + "'2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6  c\\n"
                + dDigest + "  d\\n'\n"
                + step + "\n"
                + "}\n");
    }

    @Test
    void aWarningMakesTheBuildUnstable(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.verifying(j, "future", Duration.ofDays(-2), "plan: 'plan.yaml'");

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("status=WARN outcome=UNSTABLE", run);
    }

    @Test
    void aStaleBackupFailsTheBuild(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.verifying(j, "stale", Duration.ofDays(3), "plan: 'plan.yaml'");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("status=FAIL outcome=FAILURE orders=FAIL", run);
        assertThat(run.getAction(BackupVerifyAction.class).getSetsFailed(), is(1));
    }

    @Test
    void theThresholdsCanBeSet(JenkinsRule j) throws Exception {
        WorkflowJob lenient = Pipelines.verifying(j, "lenient", Duration.ofDays(3),
                "plan: 'plan.yaml', unstableOn: 'WARN', failOn: 'ERROR'");
        WorkflowJob relaxed = Pipelines.verifying(j, "relaxed", Duration.ofDays(-2),
                "plan: 'plan.yaml', unstableOn: 'FAIL'");

        j.assertLogContains("outcome=UNSTABLE", j.buildAndAssertStatus(Result.UNSTABLE, lenient));
        j.assertLogContains("status=WARN outcome=SUCCESS", j.buildAndAssertSuccess(relaxed));
    }

    @Test
    void planTextAndSetSelectionWork(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.verifying(j, "text", Duration.ofHours(1),
                "planText: readFile('plan.yaml'), sets: ['orders-db']");

        j.assertLogContains("status=PASS", j.buildAndAssertSuccess(job));
    }

    @Test
    void anUnknownSetNameStopsTheStepNamingThePlansSets(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.verifying(j, "unknown-set", Duration.ofHours(1),
                "plan: 'plan.yaml', sets: ['ledger']");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("no backup set named 'ledger'; the plan has: orders-db", run);
        assertThat(run.getAction(BackupVerifyAction.class).getStatus(), is("ERROR"));
    }

    @Test
    void aMistakeInThePlanIsReportedWithItsLineAndKey(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "typo", "node {\n"
                + "backupVerify planText: '''backupSets:\n  - name: a\n    target: {type: local, path: b}\n"
                + "    checks:\n      freshness: {maxAgee: 26h}\n'''\n}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("unknown key 'maxAgee'", run);
        j.assertLogNotContains("\tat io.backupverify", run);
        BackupVerifyAction action = run.getAction(BackupVerifyAction.class);
        assertThat("a broken plan is recorded, so the build stays in the trend", action.getStatus(), is("ERROR"));
        assertThat(action.getProblem(), containsString("unknown key 'maxAgee'"));
    }

    @Test
    void runsOnTheAgentThatHoldsTheWorkspace(JenkinsRule j) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("backups"));
        WorkflowJob job = Pipelines.job(j, "on-agent", "node('backups') {\n"
                + Pipelines.layout(Duration.ofHours(1))
                + "def r = backupVerify plan: 'plan.yaml'\necho \"status=${r.status}\"\n}\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("Running on " + agent.getNodeName(), run);
        j.assertLogContains("status=PASS", run);
        assertThat(run.getAction(BackupVerifyAction.class).getStatus(), is("PASS"));
    }

    @Test
    void theSnippetGeneratorRoundTripsTheStep(JenkinsRule j) throws Exception {
        SnippetizerTester tester = new SnippetizerTester(j);
        BackupVerifyStep step = new BackupVerifyStep();
        step.setPlan("ops/backup-verify.yaml");
        tester.assertRoundTrip(step, "backupVerify plan: 'ops/backup-verify.yaml'");

        BackupVerifyStep full = new BackupVerifyStep();
        full.setPlan("plan.yaml");
        full.setSets(List.of("orders-db", "media"));
        full.setFailOn("ERROR");
        tester.assertParseStep(full, "backupVerify plan: 'plan.yaml', sets: ['orders-db', 'media'], failOn: 'ERROR'");
        SnippetizerTester.assertDocGeneration(BackupVerifyStep.class);
    }
}
