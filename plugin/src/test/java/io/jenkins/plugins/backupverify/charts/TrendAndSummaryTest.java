package io.jenkins.plugins.backupverify.charts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import hudson.model.Result;
import io.jenkins.plugins.backupverify.Pipelines;
import io.jenkins.plugins.backupverify.model.BackupJobActionFactory;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;
import io.jenkins.plugins.backupverify.model.BackupVerifyJobAction;
import io.jenkins.plugins.backupverify.model.CapacityRecord;
import java.time.Duration;
import java.util.List;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TrendAndSummaryTest {
    private static String script(Duration age) {
        return "node {\n" + Pipelines.layout(age) + "backupVerify plan: 'plan.yaml'\n}\n";
    }

    @Test
    void theTrendEndpointReturnsTheSeriesOfEveryBuild(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "trend", script(Duration.ofHours(1)));
        j.buildAndAssertSuccess(job);
        job.setDefinition(new CpsFlowDefinition(script(Duration.ofDays(3)), true));
        j.buildAndAssertStatus(Result.FAILURE, job);
        job.setDefinition(new CpsFlowDefinition(script(Duration.ofHours(1)), true));
        j.buildAndAssertSuccess(job);

        BackupVerifyJobAction jobAction = job.getAction(BackupVerifyJobAction.class);
        assertThat(jobAction, notNullValue());
        TrendChart rate = jobAction.getSuccessRateTrend();
        assertThat(rate.isTrendVisible(), is(true));

        String rates = rate.getConfigurableBuildTrendModel("{\"numberOfBuilds\":\"50\",\"buildAsDomain\":\"true\"}");
        assertThat(rates, containsString("\"domainAxisLabels\":[\"#1\",\"#2\",\"#3\"]"));
        assertThat(rates, containsString("Sets passed %"));
        assertThat(rates, containsString("[100.0,0.0,100.0]"));

        String counts = rate.getConfigurableBuildTrendModel("{\"view\":\"counts\"}");
        assertThat(counts, containsString("\"name\":\"FAIL\""));
        assertThat(counts, containsString("[0.0,1.0,0.0]"));

        assertThat("no capacity figures without a capacity check",
                jobAction.getCapacityTrend().isTrendVisible(), is(false));
        assertThat("no restore times without restore tests",
                jobAction.getRestoreTimeTrend().isTrendVisible(), is(false));
    }

    @Test
    void eachIdHasItsOwnTrend(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "two-ids", "node {\n"
                + "dir('a') {\n" + Pipelines.layout(Duration.ofHours(1)) + "backupVerify plan: 'plan.yaml', id: 'site-a'\n}\n"
                + "dir('b') {\n" + Pipelines.layout(Duration.ofDays(3)) + "backupVerify plan: 'plan.yaml', id: 'site-b'\n}\n"
                + "}\n");
        j.buildAndAssertStatus(Result.FAILURE, job);
        j.buildAndAssertStatus(Result.FAILURE, job);

        List<BackupVerifyJobAction> actions = job.getActions(BackupVerifyJobAction.class);

        assertThat(actions.stream().map(BackupVerifyJobAction::getUrlName).toList(),
                containsInAnyOrder("site-a", "site-b"));
        for (BackupVerifyJobAction action : actions) {
            String model = action.getSuccessRateTrend().getConfigurableBuildTrendModel("{}");
            assertThat(action.getId(), model,
                    containsString(action.getId().equals("site-a") ? "[100.0,100.0]" : "[0.0,0.0]"));
        }
    }

    @Test
    void theCapacityTrendShowsTheShareOfTheQuotaInUse(JenkinsRule j) throws Exception {
        String plan = Pipelines.PLAN + "      capacity: {quota: 1GiB}\n";
        String script = "node {\n"
                + "writeFile file: 'plan.yaml', text: '''" + plan + "'''\n"
                + "writeFile file: 'backups/" + Pipelines.backupName(Duration.ofHours(1)) + "/orders.dump', text: 'data'\n"
                // the local target reports its file system's used space, which may exceed the quota: a FAIL then
                // makes the build unstable, and only ERROR fails it
                + "backupVerify plan: 'plan.yaml', unstableOn: 'FAIL', failOn: 'ERROR'\n}\n";
        WorkflowJob job = Pipelines.job(j, "capacity", script);
        WorkflowRun first = job.scheduleBuild2(0).get();
        assertThat(first.getResult(), anyOf(is(Result.SUCCESS), is(Result.UNSTABLE)));
        assertThat(job.scheduleBuild2(0).get().getResult(), anyOf(is(Result.SUCCESS), is(Result.UNSTABLE)));

        CapacityRecord figure = first.getAction(BackupVerifyAction.class).getCapacity().get(0);
        assertThat(figure.getTotalBytes(), is(1024L * 1024 * 1024));
        TrendChart capacity = job.getAction(BackupVerifyJobAction.class).getCapacityTrend();
        assertThat(capacity.isTrendVisible(), is(true));
        String model = capacity.getConfigurableBuildTrendModel("{}");
        assertThat(model, containsString(" used %"));
        assertThat(capacity.getConfigurableBuildTrendModel("{\"view\":\"bytes\"}"), containsString(" used GiB"));
    }

    @Test
    void theChartsStayWhenTheNewestBuildsFailedBeforeVerifying(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "failing", script(Duration.ofHours(1)));
        j.buildAndAssertSuccess(job);
        job.setDefinition(new CpsFlowDefinition("error 'the backup job broke'", true));
        for (int i = 0; i < BackupJobActionFactory.BUILDS_TO_CONSIDER - 1; i++) {
            j.buildAndAssertStatus(Result.FAILURE, job);
        }

        assertThat(job.getAction(BackupVerifyJobAction.class), notNullValue());

        j.buildAndAssertStatus(Result.FAILURE, job);
        assertThat("only the newest few builds are searched", job.getAction(BackupVerifyJobAction.class), nullValue());
    }

    @Test
    void theBuildAndJobPagesShowTheResult(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "pages", script(Duration.ofDays(3)));
        WorkflowRun first = j.buildAndAssertStatus(Result.FAILURE, job);
        JenkinsRule.WebClient web = j.createWebClient();
        // bootstrap 5 (used by the chart dialogs) trips HtmlUnit's script engine, as junit's HistoryTest found
        web.getOptions().setThrowExceptionOnScriptError(false);
        assertThat("one build is no trend, and the page's scripts run without a chart",
                web.getPage(job).asXml(), not(containsString("Backup verification: success rate")));
        job.setDefinition(new CpsFlowDefinition(script(Duration.ofHours(1)), true));
        j.buildAndAssertSuccess(job);

        HtmlPage buildPage = web.getPage(first);
        assertThat(buildPage.asNormalizedText(), containsString("FAIL: 1 of 1 set did not pass (1 FAIL)"));
        assertThat(buildPage.asNormalizedText(), containsString("freshness: FAIL"));

        HtmlPage detail = web.getPage(first, BackupVerifyAction.DEFAULT_ID);
        assertThat(detail.asNormalizedText(), containsString("orders-db: FAIL"));
        assertThat(detail.asNormalizedText(), containsString("allowed"));

        String json = web.goTo(first.getUrl() + BackupVerifyAction.DEFAULT_ID + "/json", "application/json")
                .getWebResponse().getContentAsString();
        assertThat(json, containsString("backup-verify/report/v1"));

        WebResponse html = web.goTo(first.getUrl() + BackupVerifyAction.DEFAULT_ID + "/html", "text/html")
                .getWebResponse();
        assertThat(html.getResponseHeaderValue("Content-Security-Policy"), is(BackupVerifyAction.HTML_POLICY));
        assertThat(html.getResponseHeaderValue("X-Content-Type-Options"), is("nosniff"));
        assertThat(html.getContentAsString(), containsString("Backup verification verdict"));

        HtmlPage jobPage = web.getPage(job);
        assertThat(jobPage.asXml(), containsString("Backup verification: success rate"));
    }
}
