package io.jenkins.plugins.backupverify.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.backupverify.Pipelines;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A Pipeline on an agent verifies backups in a real S3 server (S3Proxy) with AWS credentials stored in Jenkins; the
 * secret appears in neither the log, build.xml nor the reports, also when the store refuses it.
 */
@WithJenkins
class S3PipelineTest {
    private static final String ACCESS_KEY = "jenkins-access-key";
    private static final String SECRET = "jenkins-canary-secret-4e2a9b";
    private static final String WRONG_SECRET = "jenkins-wrong-canary-71c0d3";

    @TempDir
    static Path storage;
    private static S3Proxy proxy;

    @BeforeAll
    static void startServer() throws Exception {
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(storage.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        byte[] dump = "orders\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dump));
        try (S3Client client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY, SECRET))).build()) {
            client.createBucket(request -> request.bucket("jenkins-backups"));
            client.putObject(request -> request.bucket("jenkins-backups").key("orders/" + today + "/db.dump"),
                    RequestBody.fromBytes(dump));
            client.putObject(request -> request.bucket("jenkins-backups").key("orders/" + today + "/SHA256SUMS"),
                    RequestBody.fromString(sum + "  db.dump\n"));
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        proxy.stop();
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    private static String plan(String credentialsId) {
        return """
                backupSets:
                  - name: orders
                    target: {type: s3, bucket: jenkins-backups, prefix: orders/, region: us-east-1, endpoint: "%s", pathStyle: true, credentialsId: %s}
                    layout: {namePattern: "{yyyy-MM-dd}"}
                    checks:
                      freshness: {maxAge: 26h}
                      integrity: {manifest: SHA256SUMS}
                """.formatted(endpoint(), credentialsId);
    }

    private static void store(String id, String secret) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL,
                id, ACCESS_KEY, secret, "S3 reader", null, null, null));
        SystemCredentialsProvider.getInstance().save();
    }

    private static WorkflowJob job(JenkinsRule j, String name, String credentialsId) throws Exception {
        return Pipelines.job(j, name, "node('remote') {\n"
                + "echo \"node=${env.NODE_NAME}\"\n"
                + "writeFile file: 'plan.yaml', text: '''" + plan(credentialsId) + "'''\n"
                + "def r = backupVerify plan: 'plan.yaml'\n"
                + "echo \"status=${r.status}\"\n}\n");
    }

    @Test
    void verifiesS3OnAnAgentWithJenkinsCredentialsAndNeverRecordsTheSecret(JenkinsRule j) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("remote"));
        store("s3-reader", SECRET);

        WorkflowRun run = j.buildAndAssertSuccess(job(j, "s3", "s3-reader"));

        j.assertLogContains("node=" + agent.getNodeName(), run);
        j.assertLogContains("status=PASS", run);
        SecretScan.assertNowhere(run, SECRET);
    }

    @Test
    void refusedCredentialsAreAnErrorNamingTheStoresAnswerNeverTheSecret(JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("remote"));
        store("s3-wrong", WRONG_SECRET);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job(j, "s3-wrong", "s3-wrong"));

        j.assertLogContains("403", run);
        SecretScan.assertNowhere(run, WRONG_SECRET, SECRET);
    }

    @Test
    void missingCredentialsAreAnErrorNamingTheId(JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("remote"));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job(j, "s3-missing", "nobody-has-these"));

        j.assertLogContains("'nobody-has-these'", run);
    }
}
