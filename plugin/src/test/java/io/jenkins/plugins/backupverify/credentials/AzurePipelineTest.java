package io.jenkins.plugins.backupverify.credentials;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.util.Secret;
import io.jenkins.plugins.backupverify.Pipelines;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A Pipeline on an agent verifies backups in Azure Blob Storage (Azurite) with the account key and a SAS token
 * stored in Jenkins as secret text and as username with password; the secrets appear in neither the log, build.xml
 * nor the reports, also when the store refuses them.
 */
@WithJenkins
class AzurePipelineTest {
    private static final String ACCOUNT = "jenkinsbackups";
    private static final String KEY = Base64.getEncoder().encodeToString(
            "jenkins-azure-canary-key-5b7e19d2c4a8".getBytes(StandardCharsets.UTF_8));
    private static final String WRONG_KEY = Base64.getEncoder().encodeToString(
            "jenkins-azure-wrong-canary-8f3a6e0b71".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path location;
    private static AzuriteServer azurite;
    private static String sas;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(AzuriteServer.available(), "needs azurite (npm install -g azurite)");
        azurite = new AzuriteServer(location, ACCOUNT, KEY);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        byte[] dump = "orders\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dump));
        azurite.createContainer("orders");
        azurite.putBlob("orders", "nightly/" + today + "/db.dump", dump);
        azurite.putBlob("orders", "nightly/" + today + "/SHA256SUMS",
                (sum + "  db.dump\n").getBytes(StandardCharsets.UTF_8));
        sas = azurite.readListSas();
    }

    @AfterAll
    static void stopServer() {
        if (azurite != null) {
            azurite.close();
        }
    }

    private static String set(String name, String account, String credentialsId) {
        return """
                  - name: %s
                    target: {type: azure, %s container: orders, prefix: nightly/, endpoint: "%s", credentialsId: %s}
                    layout: {namePattern: "{yyyy-MM-dd}"}
                    checks:
                      freshness: {maxAge: 26h}
                      integrity: {manifest: SHA256SUMS}
                """.formatted(name, account == null ? "" : "account: " + account + ",", azurite.endpoint(),
                credentialsId);
    }

    private static void store(Credentials... credentials) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials().addAll(List.of(credentials));
        SystemCredentialsProvider.getInstance().save();
    }

    private static WorkflowJob job(JenkinsRule j, String name, String sets) throws Exception {
        return Pipelines.job(j, name, "node('remote') {\n"
                + "echo \"node=${env.NODE_NAME}\"\n"
                + "writeFile file: 'plan.yaml', text: '''backupSets:\n" + sets + "'''\n"
                + "def r = backupVerify plan: 'plan.yaml'\n"
                + "echo \"status=${r.status}\"\n"
                + "for (name in ['orders', 'orders-key', 'orders-sas', 'orders-login']) {\n"
                + "  echo \"set ${name}=${r.sets[name]}\"\n}\n}\n");
    }

    @Test
    void verifiesAzureOnAnAgentWithKeyAndSasStoredInJenkinsAndNeverRecordsThem(JenkinsRule j) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("remote"));
        store(new StringCredentialsImpl(CredentialsScope.GLOBAL, "az-key", "account key", Secret.fromString(KEY)),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "az-sas", "SAS token",
                        Secret.fromString("?" + sas)),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "az-login", "account and key", ACCOUNT,
                        KEY));

        WorkflowRun run = j.buildAndAssertSuccess(job(j, "azure", set("orders-key", ACCOUNT, "az-key")
                + set("orders-sas", ACCOUNT, "az-sas") + set("orders-login", null, "az-login")));

        j.assertLogContains("node=" + agent.getNodeName(), run);
        j.assertLogContains("status=PASS", run);
        j.assertLogContains("set orders-key=PASS", run);
        j.assertLogContains("set orders-sas=PASS", run);
        j.assertLogContains("set orders-login=PASS", run);
        String signature = URLDecoder.decode(sas.replaceAll(".*sig=", ""), StandardCharsets.UTF_8);
        SecretScan.assertNowhere(run, KEY, signature, sas.replaceAll(".*sig=", ""));
    }

    @Test
    void aRefusedKeyIsAnErrorNamingTheStoresAnswerNeverTheKey(JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("remote"));
        store(new StringCredentialsImpl(CredentialsScope.GLOBAL, "az-wrong", "wrong key",
                Secret.fromString(WRONG_KEY)));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job(j, "azure-wrong",
                set("orders", ACCOUNT, "az-wrong")));

        j.assertLogContains("403", run);
        SecretScan.assertNowhere(run, WRONG_KEY, KEY);
    }
}
