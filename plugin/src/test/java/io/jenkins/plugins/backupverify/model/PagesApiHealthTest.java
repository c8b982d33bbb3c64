package io.jenkins.plugins.backupverify.model;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.model.HealthReport;
import hudson.model.Item;
import hudson.model.ListView;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.backupverify.Pipelines;
import io.jenkins.plugins.backupverify.charts.TrendChart;
import io.jenkins.plugins.backupverify.columns.BackupVerifyColumn;
import io.jenkins.plugins.backupverify.config.BackupVerifyConfiguration;
import java.time.Duration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

@WithJenkins
class PagesApiHealthTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private static String script(Duration age) {
        return "node {\n" + Pipelines.layout(age) + "backupVerify plan: 'plan.yaml'\n}\n";
    }

    private static JenkinsRule.WebClient web(JenkinsRule j) {
        JenkinsRule.WebClient web = j.createWebClient();
        web.getOptions().setThrowExceptionOnScriptError(false);
        return web;
    }

    @Test
    void theRestApiAnswersWithTheSmallNumbers(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "api", script(Duration.ofDays(3)));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        JSONObject json = web(j).getJSON("job/api/lastBuild/backup-verification/api/json").getJSONObject();

        assertThat(json.getString("id"), is("backup-verification"));
        assertThat(json.getString("status"), is("FAIL"));
        assertThat(json.getString("outcome"), is("FAILURE"));
        assertThat(json.getInt("setsFailed"), is(1));
        assertThat(json.getInt("checksFailed"), is(1));
        assertThat(json.getInt("setCount"), is(1));
        assertThat(json.has("verifiedBytes"), is(true));
        assertThat(run.getNumber(), is(1));
    }

    @Test
    void theWeatherIsTheSuccessRateOfRecentBuildsAgainstTheGlobalThresholds(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "weather", script(Duration.ofHours(1)));
        for (int i = 0; i < 4; i++) {
            j.buildAndAssertSuccess(job);
        }
        assertThat(job.getBuildHealth().getScore(), is(100));

        job.setDefinition(new CpsFlowDefinition(script(Duration.ofDays(3)), true));
        j.buildAndAssertStatus(Result.FAILURE, job);
        HealthReport health = job.getBuildHealth();
        // 4 of 5 = 80%: at the default unhealthy rate
        assertThat(health.getScore(), is(0));
        assertThat(health.getDescription(), containsString("4 of 5 recent builds verified without FAIL or ERROR"));

        BackupVerifyConfiguration.get().setUnhealthyPercent(60);
        BackupVerifyConfiguration.get().setHealthyPercent(100);
        j.buildAndAssertStatus(Result.FAILURE, job); // a new last build: the job's cache is per build
        // 4 of 6 = 66.7%: between 60 and 100
        assertThat(job.getBuildHealth().getScore(), is(17));
    }

    @Test
    void theListViewColumnShowsTheLastVerdict(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "column", script(Duration.ofDays(3)));
        j.buildAndAssertStatus(Result.FAILURE, job);
        ListView view = new ListView("backups", j.jenkins);
        j.jenkins.addView(view);
        view.add(job);
        view.getColumns().add(new BackupVerifyColumn());

        String page = web(j).goTo("view/backups/").getWebResponse().getContentAsString();

        assertThat(page, containsString(">Backups<"));
        assertThat(page, containsString("job/column/1/backup-verification/"));
        assertThat(page, containsString(">FAIL</a>"));
    }

    @Test
    void hostileSetNamesAreEscapedOnTheBuildAndDetailPages(JenkinsRule j) throws Exception {
        String plan = Pipelines.PLAN.replace("orders-db", HOSTILE);
        WorkflowJob job = Pipelines.job(j, "hostile", "node {\n"
                + "writeFile file: 'plan.yaml', text: '''" + plan + "'''\n"
                + "backupVerify plan: 'plan.yaml'\n}\n");
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        JenkinsRule.WebClient web = web(j);

        for (String page : new String[] {run.getUrl(), run.getUrl() + "backup-verification/"}) {
            String html = web.goTo(page).getWebResponse().getContentAsString();
            assertThat(page, html, containsString("&lt;img src=x onerror=alert(1)&gt;"));
            assertThat(page, html, not(containsString(HOSTILE)));
        }
    }

    @Test
    void usersWithoutReadGetNoReportJsonOrTrend(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "secret", script(Duration.ofHours(1)));
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("outsider")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        JenkinsRule.WebClient outsider = web(j).withThrowExceptionOnFailingStatusCode(false);
        outsider.login("outsider");

        for (String path : new String[] {"json", "html", "junit", "api/json", ""}) {
            Page page = outsider.goTo("job/secret/1/backup-verification/" + path, null);
            assertThat(path, page.getWebResponse().getStatusCode(), is(404));
        }
        TrendChart trend = job.getAction(BackupVerifyJobAction.class).getSuccessRateTrend();
        try (ACLContext ignored = ACL.as2(User.getById("outsider", true).impersonate2())) {
            assertThrows(AccessDeniedException.class, () -> trend.getConfigurableBuildTrendModel("{}"));
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThat(trend.getConfigurableBuildTrendModel("{}"), containsString("Sets passed %"));
        }
        JenkinsRule.WebClient reader = web(j);
        reader.login("reader");
        assertThat(reader.goTo("job/secret/1/backup-verification/json", "application/json").getWebResponse()
                .getContentAsString(), containsString("backup-verify/report/v1"));
    }
}
