package io.backupverify.engine.target.azure;

import static io.backupverify.engine.testing.SetResults.messages;
import static io.backupverify.engine.testing.SetResults.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.UsernamePassword;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.testservers.Azurite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account key or a SAS token stored as plain secret text (the account from the target) or as a username and
 * password (the account as the username), as Jenkins stores them, log in to Azurite; what is neither is an error
 * naming the id and never showing the value.
 */
class AzureLoginKindsTest {
    private static final String CONTAINER = "kinds";
    private static final String CANARY = "canary-not-base64-nor-sas!-6c1f";

    @TempDir
    static Path dir;
    private static Azurite azurite;
    private static String sas;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Azurite.available(), "needs azurite (npm install -g azurite)");
        azurite = new Azurite(Files.createDirectories(dir.resolve("azurite")));
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().createBlobContainer(CONTAINER);
        String dump = "orders, dumped for the login kinds";
        container.getBlobClient("nightly/orders-1/db.dump").upload(BinaryData.fromString(dump), true);
        container.getBlobClient("nightly/orders-1/SHA256SUMS").upload(BinaryData.fromString(
                BackupTree.sha256(dump.getBytes(StandardCharsets.UTF_8)) + "  db.dump\n"), true);
        sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setListPermission(true)));
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.close();
        }
    }

    private static RunResult run(String account, CredentialValue credentials) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: azure, %s container: %s, prefix: nightly/, endpoint: "%s", credentialsId: az }
                    checks:
                      integrity: { manifest: SHA256SUMS, sample: 100%% }
                """.formatted(account == null ? "" : "account: " + account + ",", CONTAINER, azurite.endpoint());
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        return new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(Map.of("az", credentials))))
                .verify(plan, VerifyOptions.defaults().withRunNumber(1));
    }

    private static SetResult passes(String account, CredentialValue credentials) throws Exception {
        SetResult set = run(account, credentials).sets().get(0);
        assertThat(statuses(set)).as(messages(set)).containsOnly(Map.entry("integrity", Status.PASS));
        return set;
    }

    @Test
    void anAccountKeyAsSecretTextTakesTheAccountFromTheTarget() throws Exception {
        SetResult set = passes(Azurite.ACCOUNT, new SecretText(SecretValue.of(Azurite.KEY)));

        assertThat(set.target()).contains("azure://devstoreaccount1/kinds/nightly/")
                .contains("plain HTTP: not encrypted in transit");
    }

    @Test
    void aSasTokenAsSecretTextWorksWithOrWithoutItsQuestionMark() throws Exception {
        passes(Azurite.ACCOUNT, new SecretText(SecretValue.of(sas)));
        passes(Azurite.ACCOUNT, new SecretText(SecretValue.of("?" + sas + "\n")));
    }

    @Test
    void aUsernameAndPasswordAreTheAccountAndItsKeyOrSas() throws Exception {
        passes(null, new UsernamePassword(Azurite.ACCOUNT, SecretValue.of(Azurite.KEY)));
        passes(Azurite.ACCOUNT, new UsernamePassword(Azurite.ACCOUNT, SecretValue.of(sas)));
    }

    @Test
    void credentialsForAnotherAccountAreAnErrorNamingBoth() throws Exception {
        RunResult result = run(Azurite.ACCOUNT, new UsernamePassword("otheraccount", SecretValue.of(Azurite.KEY)));

        SetResult set = result.sets().get(0);
        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        assertThat(set.checks().get(0).summary()).contains("'az'").contains("otheraccount")
                .contains(Azurite.ACCOUNT);
        assertThat(new JsonReport().toString(result)).doesNotContain(Azurite.KEY);
    }

    @Test
    void anAccountKeyWithoutAnAccountIsAnErrorSayingSo() throws Exception {
        RunResult result = run(null, new SecretText(SecretValue.of(Azurite.KEY)));

        assertThat(result.sets().get(0).checks().get(0).status()).isEqualTo(Status.ERROR);
        assertThat(result.sets().get(0).checks().get(0).summary()).contains("'az'").contains("set account");
        assertThat(new JsonReport().toString(result)).doesNotContain(Azurite.KEY);
    }

    @Test
    void secretTextThatIsNeitherKeyNorSasIsAnErrorThatNeverShowsIt() throws Exception {
        RunResult result = run(Azurite.ACCOUNT, new SecretText(SecretValue.of(CANARY)));

        SetResult set = result.sets().get(0);
        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        assertThat(set.checks().get(0).summary()).contains("'az'").contains("neither");
        assertThat(new JsonReport().toString(result)).doesNotContain(CANARY);
    }
}
