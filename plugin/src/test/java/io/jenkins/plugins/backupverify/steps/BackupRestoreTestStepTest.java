package io.jenkins.plugins.backupverify.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.backupverify.Pipelines;
import io.jenkins.plugins.backupverify.agent.RestoreTestOnAgent;
import io.jenkins.plugins.backupverify.charts.TrendChart;
import io.jenkins.plugins.backupverify.model.BackupRestoreTestAction;
import io.jenkins.plugins.backupverify.model.BackupVerifyJobAction;
import io.jenkins.plugins.backupverify.model.RestoreTimeRecord;
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
class BackupRestoreTestStepTest {
    /** The verification plan with a restore test of the newest backup: copied, validated, timed against the RTO. */
    private static String plan(String validations, String rto) {
        return Pipelines.PLAN + """
                    restoreTest:
                      rto: %s
                      timeout: 1m
                      restore: {kind: files}
                      validate: %s
                """.formatted(rto, validations);
    }

    private static WorkflowJob restoring(JenkinsRule j, String name, String label, String plan, String arguments)
            throws Exception {
        return Pipelines.job(j, name, "node(" + label + ") {\n"
                + "writeFile file: 'plan.yaml', text: '''" + plan + "'''\n"
                + "writeFile file: 'backups/" + Pipelines.backupName(Duration.ofHours(1)) + "/orders.dump', "
                + "text: 'data'\n"
                + "def r = backupRestoreTest " + arguments + "\n"
                + "echo \"status=${r.status} outcome=${r.outcome} orders=${r.sets['orders-db']}\"\n"
                + "}\n");
    }

    @Test
    void aBackupThatRestoresAndValidatesPassesAndTheBuildShowsItsRestoreTime(JenkinsRule j) throws Exception {
        String validations = "[{required: [orders.dump]}, "
                + "{command: {run: 'test -s \"$BACKUP_VERIFY_RESTORED/orders.dump\"', timeout: 1m}}]";
        WorkflowJob job = restoring(j, "restores", "", plan(validations, "10m"),
                "plan: 'plan.yaml', junitFile: 'reports/restore-tests.xml'");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("status=PASS outcome=SUCCESS orders=PASS", run);
        j.assertLogContains("restore time", run);
        BackupRestoreTestAction action = run.getAction(BackupRestoreTestAction.class);
        assertThat(action, notNullValue());
        assertThat(action.getId(), is("backup-restore-test"));
        assertThat(action.getStatus(), is("PASS"));
        List<RestoreTimeRecord> times = action.getRestoreTimes();
        assertThat(times.size(), is(1));
        assertThat(times.get(0).getSet(), is("orders-db"));
        assertThat(times.get(0).getRto(), is("10m"));
        assertThat(times.get(0).isOverRto(), is(false));
        for (String report : List.of("backup-restore-test.json", "backup-restore-test.html",
                "backup-restore-test-junit.xml")) {
            assertThat(report, new File(run.getRootDir(), report).isFile(), is(true));
        }
        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        assertThat(buildXml, containsString("<rtoMs>600000</rtoMs>"));
        FilePath junit = j.jenkins.getWorkspaceFor(job).child("reports/restore-tests.xml");
        assertThat("junitFile hands the JUnit XML to the workspace", junit.readToString(),
                containsString("orders-db"));
        j.assertLogContains("JUnit XML report written to reports/restore-tests.xml", run);
        FilePath scratch = new FilePath(RestoreTestOnAgent.scratchRoot(new File(
                j.jenkins.getWorkspaceFor(job).getRemote())).toFile());
        assertThat("the scratch folder is emptied", scratch.list(), empty());
    }

    @Test
    void theJobPageChartsRestoreTimeAgainstTheRto(JenkinsRule j) throws Exception {
        WorkflowJob job = restoring(j, "restore-trend", "", plan("[{required: [orders.dump]}]", "10m"),
                "plan: 'plan.yaml'");
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);

        BackupVerifyJobAction jobAction = job.getActions(BackupVerifyJobAction.class).stream()
                .filter(action -> action.getId().equals(BackupRestoreTestAction.DEFAULT_ID)).findFirst().orElseThrow();
        TrendChart restoreTime = jobAction.getRestoreTimeTrend();
        assertThat(restoreTime.isTrendVisible(), is(true));
        assertThat(restoreTime.getSuffix(), is("backup-restore-test-restore-time"));
        String time = restoreTime.getConfigurableBuildTrendModel("{}");
        assertThat(time, containsString("\"domainAxisLabels\":[\"#1\",\"#2\"]"));
        assertThat(time, containsString("orders-db (min)"));
        assertThat(time, containsString("\"name\":\"orders-db RTO (min)\""));
        assertThat(time, containsString("[10.0,10.0]"));
        String share = restoreTime.getConfigurableBuildTrendModel("{\"view\":\"rto\"}");
        assertThat(share, containsString("orders-db (% of RTO)"));
        assertThat(share, containsString("[100.0,100.0]"));
        assertThat("a restore test has no capacity figures", jobAction.getCapacityTrend().isTrendVisible(), is(false));
    }

    @Test
    void aMissingRequiredFileFailsTheBuild(JenkinsRule j) throws Exception {
        WorkflowJob job = restoring(j, "missing", "", plan("[{required: [customers.csv]}]", "10m"),
                "plan: 'plan.yaml'");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("status=FAIL outcome=FAILURE orders=FAIL", run);
    }

    @Test
    void aRestoreSlowerThanTheRtoFailsAndIsShownAsOverTheRto(JenkinsRule j) throws Exception {
        WorkflowJob job = restoring(j, "slow", "", plan("[{command: {run: 'sleep 2'}}]", "1s"),
                "plan: 'plan.yaml', failOn: 'FAIL'");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        RestoreTimeRecord time = run.getAction(BackupRestoreTestAction.class).getRestoreTimes().get(0);
        assertThat(time.isOverRto(), is(true));
        assertThat(time.getStatus(), is("FAIL"));
    }

    @Test
    void aPlanWithoutRestoreTestsStopsTheStepAndIsRecorded(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "no-test", "node {\n" + Pipelines.layout(Duration.ofHours(1))
                + "backupRestoreTest plan: 'plan.yaml'\n}\n");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("no backup set selected has a restoreTest key", run);
        assertThat(run.getAction(BackupRestoreTestAction.class).getStatus(), is("ERROR"));
    }

    @Test
    void aPostgresRestoreIntoTheEmbeddedServerIsAPlanErrorNamingTheSet(JenkinsRule j) throws Exception {
        String plan = Pipelines.PLAN + """
                    restoreTest:
                      restore: {kind: postgres}
                """;
        WorkflowJob job = restoring(j, "embedded", "", plan, "plan: 'plan.yaml'");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("set 'orders-db'", run);
        j.assertLogContains("the embedded PostgreSQL is not part of this installation", run);
        BackupRestoreTestAction action = run.getAction(BackupRestoreTestAction.class);
        assertThat(action.getStatus(), is("ERROR"));
        assertThat(action.getProblem(), containsString("database: { url:"));
    }

    @Test
    void runsOnTheAgentThatHoldsTheWorkspace(JenkinsRule j) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("restores"));
        WorkflowJob job = restoring(j, "on-agent", "'restores'", plan("[{required: [orders.dump]}]", "10m"),
                "plan: 'plan.yaml'");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("Running on " + agent.getNodeName(), run);
        j.assertLogContains("status=PASS", run);
    }

    @Test
    void theSnippetGeneratorRoundTripsTheStep(JenkinsRule j) throws Exception {
        SnippetizerTester tester = new SnippetizerTester(j);
        BackupRestoreTestStep step = new BackupRestoreTestStep();
        step.setPlan("ops/backup-verify.yaml");
        tester.assertRoundTrip(step, "backupRestoreTest plan: 'ops/backup-verify.yaml'");

        BackupRestoreTestStep full = new BackupRestoreTestStep();
        full.setPlan("plan.yaml");
        full.setSets(List.of("web-assets"));
        full.setFailOn("ERROR");
        tester.assertParseStep(full, "backupRestoreTest plan: 'plan.yaml', sets: ['web-assets'], failOn: 'ERROR'");
        SnippetizerTester.assertDocGeneration(BackupRestoreTestStep.class);
    }
}
