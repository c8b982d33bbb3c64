package io.jenkins.plugins.backupverify.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import io.jenkins.plugins.backupverify.Pipelines;
import io.jenkins.plugins.backupverify.charts.AuditTrend;
import io.jenkins.plugins.backupverify.model.BackupAuditAction;
import io.jenkins.plugins.backupverify.model.BackupAuditJobAction;
import io.jenkins.plugins.backupverify.model.BackupJobAction;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;
import io.jenkins.plugins.backupverify.model.BackupVerifyJobAction;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import net.sf.json.JSONObject;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BackupAuditStepTest {
    private static final String AUDIT_PLAN = Pipelines.PLAN + """
            audit:
              period: 30d
              inventory: [orders-db, crm-export]
              escalation: { critical: "on-call: ops-pager" }
            """;

    private static String auditScript(String arguments) {
        return "node {\n"
                + "writeFile file: 'audit.yaml', text: '''" + AUDIT_PLAN + "'''\n"
                + "def a = backupAudit " + arguments + "\n"
                + "echo \"audit=${a.status} critical=${a.critical} runs=${a.verifyRuns} rate=${a.successRate}\"\n"
                + "}\n";
    }

    /** The job page's HTML; the page's scripts (bootstrap 5) fail in HtmlUnit, as junit's HistoryTest found. */
    private static String jobPage(JenkinsRule j, WorkflowJob job) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient();
        web.getOptions().setThrowExceptionOnScriptError(false);
        return web.getPage(job).getWebResponse().getContentAsString();
    }

    @Test
    void auditsTheVerifyBuildsOfANamedJobFromTheirHistoryRecords(JenkinsRule j) throws Exception {
        WorkflowJob nightly = Pipelines.verifying(j, "nightly", Duration.ofHours(2), "plan: 'plan.yaml'");
        WorkflowRun first = j.buildAndAssertSuccess(nightly);
        j.buildAndAssertSuccess(nightly);
        BackupVerifyAction verify = first.getAction(BackupVerifyAction.class);
        assertThat(verify.readHistoryRecord(), notNullValue());
        assertThat(new File(first.getRootDir(), "backup-verification-history.json").length() < 4096, is(true));

        WorkflowJob monthly = Pipelines.job(j, "monthly", auditScript("plan: 'audit.yaml', jobs: ['nightly']"));
        WorkflowRun audit = j.buildAndAssertStatus(Result.FAILURE, monthly);

        j.assertLogContains("audit=FAIL critical=1 runs=2 rate=100.0", audit);
        j.assertLogContains("The critical system crm-export has no backup set in the plan", audit);
        BackupAuditAction action = audit.getAction(BackupAuditAction.class);
        assertThat(action, notNullValue());
        assertThat(action.getCritical(), is(1));
        assertThat(action.getVerifyRuns(), is(2));
        assertThat(action.getFindings().get(0).getEscalation(), is("on-call: ops-pager"));
        for (String report : new String[] {"backup-audit.json", "backup-audit.html", "backup-audit-junit.xml"}) {
            assertThat(report, new File(audit.getRootDir(), report).isFile(), is(true));
        }
        String buildXml = Files.readString(new File(audit.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        assertThat(buildXml, containsString("<critical>1</critical>"));
        assertThat("the report stays in its side file", buildXml, not(containsString("Compliance control mapping")));

        JenkinsRule.WebClient web = j.createWebClient();
        web.getOptions().setThrowExceptionOnScriptError(false);
        Page html = web.goTo(audit.getUrl() + "backup-audit/html", null);
        assertThat(html.getWebResponse().getResponseHeaderValue("Content-Security-Policy"),
                is(BackupAuditAction.HTML_POLICY));
        assertThat(html.getWebResponse().getContentAsString(), containsString("Compliance control mapping"));
        assertThat(web.goTo(audit.getUrl()).asNormalizedText(), containsString("crm-export"));
        JSONObject api = web.getJSON(audit.getUrl() + "backup-audit/api/json").getJSONObject();
        assertThat(api.getString("status"), is("FAIL"));
        assertThat(api.getInt("critical"), is(1));
        assertThat(api.getInt("verifyRuns"), is(2));
        assertThat(api.getDouble("successRate"), is(100.0));
        assertThat(api.getJSONArray("findings").getJSONObject(0).getString("escalation"), is("on-call: ops-pager"));
    }

    @Test
    void theJobPageShowsTheAuditTrendAlsoWhenTheAuditsFail(JenkinsRule j) throws Exception {
        WorkflowJob nightly = Pipelines.verifying(j, "nightly", Duration.ofHours(2), "plan: 'plan.yaml'");
        j.buildAndAssertSuccess(nightly);
        WorkflowJob monthly = Pipelines.job(j, "monthly", auditScript("plan: 'audit.yaml', jobs: ['nightly']"));
        j.buildAndAssertStatus(Result.FAILURE, monthly);
        assertThat("one audit is no trend", monthly.getAction(BackupAuditJobAction.class).getAuditTrend()
                .isTrendVisible(), is(false));
        j.buildAndAssertStatus(Result.FAILURE, monthly);

        BackupAuditJobAction action = monthly.getAction(BackupAuditJobAction.class);
        assertThat(action, notNullValue());
        assertThat(action.getUrlName(), is(BackupAuditAction.DEFAULT_ID));
        AuditTrend trend = action.getAuditTrend();
        assertThat(trend.isTrendVisible(), is(true));
        String rate = trend.getConfigurableBuildTrendModel("{}");
        assertThat(rate, containsString("Success rate %"));
        assertThat(rate, containsString("Required %"));
        assertThat(rate, containsString("100.0"));
        String findings = trend.getConfigurableBuildTrendModel("{\"view\": \"findings\"}");
        assertThat(findings, containsString("Critical"));
        assertThat("the verification charts are not added to an audit job",
                monthly.getAction(BackupVerifyJobAction.class), nullValue());
        String page = jobPage(j, monthly);
        assertThat(page, containsString("trend-configuration-backup-audit-audit"));
    }

    @Test
    void aJobThatVerifiesAndAuditsHasOneJobActionPerStepAndId(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "verify-and-audit", "node {\n" + Pipelines.layout(Duration.ofHours(2))
                + "backupVerify plan: 'plan.yaml', id: 'nightly'\n"
                + "writeFile file: 'audit.yaml', text: '''" + AUDIT_PLAN + "'''\n"
                + "backupAudit plan: 'audit.yaml', id: 'monthly'\n"
                + "}\n");
        j.buildAndAssertStatus(Result.FAILURE, job);
        j.buildAndAssertStatus(Result.FAILURE, job);

        List<BackupJobAction> actions = job.getActions(BackupJobAction.class);

        assertThat(actions.stream().map(action -> action.getClass().getSimpleName() + " " + action.getUrlName())
                .toList(), containsInAnyOrder("BackupVerifyJobAction nightly", "BackupAuditJobAction monthly"));
        BackupVerifyJobAction verify = job.getAction(BackupVerifyJobAction.class);
        assertThat(verify.getDisplayName(), is("Backup Verification (nightly)"));
        assertThat(verify.getNewestBuild(), is(job.getLastBuild()));
        assertThat(verify.getSuccessRateTrend().isTrendVisible(), is(true));
        BackupAuditJobAction audit = job.getAction(BackupAuditJobAction.class);
        assertThat(audit.getDisplayName(), is("Backup Audit (monthly)"));
        assertThat(audit.getNewestBuild(), is(job.getLastBuild()));
        assertThat(audit.getAuditTrend().isTrendVisible(), is(true));
        String page = jobPage(j, job);
        assertThat(page, containsString("trend-configuration-nightly-rate"));
        assertThat(page, containsString("trend-configuration-monthly-audit"));
    }

    @Test
    void withoutRecordedRunsTheAuditIsAnError(JenkinsRule j) throws Exception {
        WorkflowJob monthly = Pipelines.job(j, "empty", auditScript("plan: 'audit.yaml'"));

        WorkflowRun audit = j.buildAndAssertStatus(Result.FAILURE, monthly);

        j.assertLogContains("audit=ERROR", audit);
        assertThat(audit.getAction(BackupAuditAction.class).getStatus(), is("ERROR"));
    }

    @Test
    void aJobTheBuildMayNotReadIsRefusedWithoutSayingWhetherItExists(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        Pipelines.verifying(j, "secret-nightly", Duration.ofHours(2), "plan: 'plan.yaml'");
        WorkflowJob monthly = Pipelines.job(j, "prying", auditScript("plan: 'audit.yaml', jobs: ['secret-nightly']"));
        // mallory may run the audit job on the built-in node, but not read the nightly job
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Computer.BUILD).everywhere().to("mallory")
                .grant(Item.READ, Item.BUILD).onItems(monthly).to("mallory"));
        MockQueueItemAuthenticator authenticator = new MockQueueItemAuthenticator();
        authenticator.authenticate("prying", User.getById("mallory", true).impersonate2());
        QueueItemAuthenticatorConfiguration.get().getAuthenticators().add(authenticator);

        WorkflowRun audit = j.buildAndAssertStatus(Result.FAILURE, monthly);

        j.assertLogContains("no job named 'secret-nightly' that this build may read", audit);
    }
}
