package io.jenkins.plugins.backupverify.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.backupverify.engine.history.SetLedger;
import io.jenkins.plugins.backupverify.Pipelines;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class JobCoverageTest {
    /** sha256 of the text "data". */
    private static final String DATA_SHA256 = "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7";

    private static final String PLAN = """
            backupSets:
              - name: orders-db
                target: {type: local, path: backups}
                layout: {kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd'T'HHmm}"}
                checks:
                  freshness: {maxAge: 26h}
                  integrity: {manifest: SHA256SUMS, sample: 100%}
            audit:
              period: 30d
              coverage: {fullWithin: 30d}
            """;

    private static String script() {
        String backup = "backups/" + Pipelines.backupName(Duration.ofHours(1)) + "/";
        return "node {\n"
                + "writeFile file: 'plan.yaml', text: '''" + PLAN + "'''\n"
                + "writeFile file: '" + backup + "orders.dump', text: 'data'\n"
                + "writeFile file: '" + backup + "SHA256SUMS', text: '" + DATA_SHA256 + "  orders.dump\\n'\n"
                + "backupVerify plan: 'plan.yaml', sets: ['orders-db']\n"
                + "def a = backupAudit plan: 'plan.yaml'\n"
                + "echo \"audit=${a.status}\"\n"
                + "}\n";
    }

    @Test
    void verifyKeepsTheJobsLedgerAndTheAuditStatesCoverageFromIt(JenkinsRule j) throws Exception {
        WorkflowJob job = Pipelines.job(j, "nightly", script());

        WorkflowRun build = j.buildAndAssertSuccess(job);
        j.assertLogContains("audit=PASS", build);

        File ledgerFile = new File(job.getRootDir(), JobCoverage.FOLDER + "/orders-db.ledger");
        assertThat(ledgerFile.isFile(), is(true));
        assertThat("a few bytes per file", ledgerFile.length() < 200, is(true));
        SetLedger ledger = JobCoverage.of(job).read("orders-db").orElseThrow();
        assertThat(ledger.verifiedAtSeconds("orders.dump") > 0, is(true));
        String audit = Files.readString(new File(build.getRootDir(), "backup-audit.json").toPath(),
                StandardCharsets.UTF_8);
        assertThat(audit, containsString("listed files of orders-db was read and verified within the last 30d"));
    }
}
