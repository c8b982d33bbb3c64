package io.jenkins.plugins.backupverify.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.backupverify.Pipelines;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.graphanalysis.NodeStepTypePredicate;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class CallsAndResultsTest {
    /** A script that lays out a fresh backup in folder {@code fresh/} and a stale one in {@code stale/}. */
    private static String twoLayouts() {
        return "dir('fresh') {\n" + Pipelines.layout(Duration.ofHours(1)) + "}\n"
                + "dir('stale') {\n" + Pipelines.layout(Duration.ofDays(3)) + "}\n";
    }

    /**
     * A parallel branch on its own node: when branches run at once, each node has its own workspace, so each lays out
     * its own backup (in a folder of the branch's id).
     */
    private static String branch(String id) {
        return "node { dir('" + id + "') {\n" + Pipelines.layout(Duration.ofHours(1))
                + "backupVerify plan: 'plan.yaml', id: '" + id + "'\n} }";
    }

    private static List<String> ids(WorkflowRun run) {
        return run.getActions(BackupVerifyAction.class).stream().map(BackupVerifyAction::getId).toList();
    }

    @Test
    void theStageOfAFailedVerificationIsMarkedAsWellAsTheBuild(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "stage", "node {\n" + Pipelines.layout(Duration.ofDays(3))
                + "stage('verify') { backupVerify plan: 'plan.yaml' }\n"
                + "stage('after') { echo 'still runs' }\n}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("still runs", run);
        List<FlowNode> steps = new DepthFirstScanner().filteredNodes(run.getExecution(),
                new NodeStepTypePredicate("backupVerify"));
        assertThat(steps, hasSize(1));
        WarningAction warning = steps.get(0).getPersistentAction(WarningAction.class);
        assertThat("Stage View and Pipeline Graph View read this", warning, notNullValue());
        assertThat(warning.getResult(), is(Result.FAILURE));
        assertThat(warning.getMessage(), containsString("backupVerify (backup-verification): FAIL"));
    }

    @Test
    void sequentialCallsWithTheirOwnIdsKeepTheirOwnResultsAndFiles(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "sequential", "node {\n" + twoLayouts()
                + "def a = backupVerify plan: 'fresh/plan.yaml', id: 'site-a'\n"
                + "def b = backupVerify plan: 'stale/plan.yaml', id: 'site-b'\n"
                + "echo \"a=${a.status} b=${b.status}\"\n}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("a=PASS b=FAIL", run);
        assertThat(ids(run), containsInAnyOrder("site-a", "site-b"));
        assertThat(BackupVerifyAction.of(run, "site-a").getStatus(), is("PASS"));
        assertThat(BackupVerifyAction.of(run, "site-b").getStatus(), is("FAIL"));
        for (String file : List.of("site-a.json", "site-a.html", "site-a-junit.xml", "site-b.json")) {
            assertThat(file, new File(run.getRootDir(), file).isFile(), is(true));
        }
    }

    @Test
    void parallelCallsOnTheirOwnIdsAreBothRecorded(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "parallel", "parallel a: { " + branch("site-a") + " },\n"
                + "         b: { " + branch("site-b") + " }\n");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        assertThat(ids(run), containsInAnyOrder("site-a", "site-b"));
    }

    @Test
    void aSecondCallWithAnIdInUseFailsClearly(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "duplicate", "node {\n" + twoLayouts()
                + "backupVerify plan: 'fresh/plan.yaml'\n"
                + "backupVerify plan: 'stale/plan.yaml'\n}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("backupVerify: this build already has a result with the id 'backup-verification'", run);
        assertThat("the first result stays", ids(run), containsInAnyOrder("backup-verification"));
        assertThat(run.getAction(BackupVerifyAction.class).getStatus(), is("PASS"));
    }

    @Test
    void parallelCallsWithTheSameIdLeaveOneResultAndOneClearFailure(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "parallel-duplicate", "parallel a: { " + branch("site") + " },\n"
                + "         b: { " + branch("site") + " }\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("this build already has a result with the id 'site'", run);
        assertThat(ids(run), containsInAnyOrder("site"));
    }

    @Test
    void anIdThatCannotNameAFileIsRefused(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.verifying(j, "bad-id", Duration.ofHours(1), "plan: 'plan.yaml', id: '../x'");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("backupVerify: the id '../x' is not valid", run);
        assertThat(run.getActions(BackupVerifyAction.class), hasSize(0));
    }

    @Test
    void planFilesOutsideTheWorkspaceNotRegularOrTooLargeAreRefusedBeforeReading(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "unsafe", "node { writeFile file: 'x', text: 'x' }");
        j.buildAndAssertSuccess(job);
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        workspace.child("folder.yaml").mkdirs();
        try (var out = workspace.child("big.yaml").write()) {
            out.write(new byte[4 * 1024 * 1024]);
        }

        assertRefused(j, job, "../outside.yaml", "the plan file ../outside.yaml is outside the workspace");
        assertRefused(j, job, "folder.yaml", "the plan file folder.yaml is not a regular file");
        assertRefused(j, job, "big.yaml", "the plan file big.yaml has 4,194,304 bytes; a plan may have at most 3,145,728");
        assertRefused(j, job, "missing.yaml", "the plan file missing.yaml does not exist in the workspace");
    }

    private static void assertRefused(JenkinsRule j, WorkflowJob job, String plan, String message) throws Exception {
        job.setDefinition(new CpsFlowDefinition(
                "node { backupVerify plan: '" + plan + "' }", true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains(message, run);
        assertThat("a broken plan is recorded as ERROR", run.getAction(BackupVerifyAction.class).getStatus(),
                is("ERROR"));
    }

    @Test
    void theJUnitReportIsHandedToTheWorkspaceWhenAskedFor(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "junit-file", "node {\n" + Pipelines.layout(Duration.ofDays(3))
                + "backupVerify plan: 'plan.yaml', junitFile: 'reports/backups.xml'\n"
                + "echo 'junit: ' + readFile('reports/backups.xml')\n}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("JUnit XML report written to reports/backups.xml", run);
        j.assertLogContains("<testsuite", run);
        j.assertLogContains("orders-db", run);
    }

    @Test
    void theStepSurvivesAConfigurationRoundTrip(JenkinsRule j) throws Exception {
        BackupVerifyStep step = new BackupVerifyStep();
        step.setPlan("ops/plan.yaml");
        step.setSets(List.of("orders-db", "media"));
        step.setUnstableOn("FAIL");
        step.setFailOn("ERROR");
        step.setId("site-a");
        step.setJunitFile("reports/backups.xml");

        BackupVerifyStep after = new StepConfigTester(j).configRoundTrip(step);

        j.assertEqualDataBoundBeans(step, after);
        BackupVerifyStep defaults = new StepConfigTester(j).configRoundTrip(new BackupVerifyStep());
        j.assertEqualDataBoundBeans(new BackupVerifyStep(), defaults);
    }
}
