package io.jenkins.plugins.backupverify.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Fingerprint;
import hudson.util.Secret;
import io.backupverify.engine.credentials.CredentialsUnavailableException;
import io.backupverify.engine.credentials.SecretFile;
import io.backupverify.engine.credentials.SshPrivateKey;
import io.backupverify.engine.credentials.UsernamePassword;
import io.jenkins.plugins.backupverify.Pipelines;
import io.jenkins.plugins.backupverify.agent.AgentPlan;
import io.jenkins.plugins.backupverify.agent.VerifyOnAgent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class CredentialsTest {
    private static final String PASSWORD = "pa55-w0rd-value";
    private static final String TOKEN = "t0ken-value";
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nkeymaterial\n-----END OPENSSH PRIVATE KEY-----";
    private static final String PASSPHRASE = "phrase-value";
    private static final String FILE = "file-secret-value";

    @Test
    void resolvesEachKindForTheBuildAndTracksTheUse(JenkinsRule j) throws Exception {
        UsernamePasswordCredentialsImpl login = new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "login",
                "NAS login", "backup", PASSWORD);
        List<Credentials> all = List.of(login,
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "token", "token", Secret.fromString(TOKEN)),
                new BasicSSHUserPrivateKey(CredentialsScope.GLOBAL, "key", "restic",
                        new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(KEY), PASSPHRASE, "key"),
                new FileCredentialsImpl(CredentialsScope.GLOBAL, "file", "file", "aws.ini",
                        SecretBytes.fromRawBytes(FILE.getBytes(StandardCharsets.UTF_8))));
        SystemCredentialsProvider.getInstance().getCredentials().addAll(all);
        SystemCredentialsProvider.getInstance().save();
        WorkflowJob job = Pipelines.job(j, "creds", "echo 'hello'");
        WorkflowRun run = j.buildAndAssertSuccess(job);

        Map<String, TransferredCredential> resolved =
                CredentialLookup.resolve(List.of("login", "token", "key", "file", "missing"), run);

        assertThat(resolved.get("login").toEngineValue(), instanceOf(UsernamePassword.class));
        assertThat(((UsernamePassword) resolved.get("login").toEngineValue()).password().reveal(), is(PASSWORD));
        assertThat(resolved.get("token").kind(), is(TransferredCredential.Kind.SECRET_TEXT));
        SshPrivateKey key = (SshPrivateKey) resolved.get("key").toEngineValue();
        assertThat(key.username(), is("restic"));
        assertThat(key.privateKey().reveal(), containsString("keymaterial"));
        assertThat(key.passphrase().reveal(), is(PASSPHRASE));
        SecretFile file = (SecretFile) resolved.get("file").toEngineValue();
        assertThat(new String(file.content().revealBytes(), StandardCharsets.UTF_8), is(FILE));

        CredentialsUnavailableException missing =
                assertThrows(CredentialsUnavailableException.class, () -> resolved.get("missing").toEngineValue());
        assertThat(missing.getMessage(), containsString("'missing'"));

        Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(login);
        assertThat(fingerprint, notNullValue());
        assertThat(fingerprint.getJobs(), hasItem(is(job.getFullName())));
        assertThat(fingerprint.getRangeSet(job).includes(run.getNumber()), is(true));
    }

    @Test
    void anUnsupportedKindIsNamedNotUsed(JenkinsRule j) throws Exception {
        StandardCredentials odd = new BaseStandardCredentials(CredentialsScope.GLOBAL, "odd", "another kind") {
        };

        TransferredCredential value = CredentialLookup.toTransfer("odd", odd);

        assertThat(value.isUsable(), is(false));
        CredentialsUnavailableException e =
                assertThrows(CredentialsUnavailableException.class, value::toEngineValue);
        assertThat(e.getMessage(), containsString("credentials 'odd' are of a kind backup verification cannot use"));
    }

    @Test
    void aSecretFileThatCannotBeReadIsNamedNotThrown(JenkinsRule j) {
        TransferredCredential value = CredentialLookup.toTransferOrReason("broken", new UnreadableFile());

        assertThat(value.isUsable(), is(false));
        CredentialsUnavailableException e =
                assertThrows(CredentialsUnavailableException.class, value::toEngineValue);
        assertThat(e.getMessage(), containsString("credentials 'broken' could not be read (IOException: store offline)"));
    }

    /** A secret file whose store cannot deliver the content. */
    private static final class UnreadableFile extends BaseStandardCredentials implements FileCredentials {
        UnreadableFile() {
            super(CredentialsScope.GLOBAL, "broken", "unreadable");
        }

        @NonNull
        @Override
        public String getFileName() {
            return "key.json";
        }

        @NonNull
        @Override
        public InputStream getContent() throws IOException {
            throw new IOException("store offline");
        }
    }

    @Test
    void noSecretInTheTextOfTransferredValues(JenkinsRule j) {
        List<TransferredCredential> values = List.of(
                TransferredCredential.usernamePassword("backup", PASSWORD),
                TransferredCredential.secretText(TOKEN),
                TransferredCredential.sshKey("restic", KEY, PASSPHRASE),
                TransferredCredential.secretFile("aws.ini", FILE.getBytes(StandardCharsets.UTF_8)),
                TransferredCredential.awsKeys("AKIAEXAMPLE", TOKEN, PASSPHRASE));
        for (TransferredCredential value : values) {
            for (String secret : List.of(PASSWORD, TOKEN, "keymaterial", PASSPHRASE, FILE)) {
                assertThat(value.toString(), not(containsString(secret)));
            }
        }
        VerifyOnAgent callable = new VerifyOnAgent(new AgentPlan("plan", "plan.yaml", ""), List.of(), 1,
                Map.of("login", values.get(0)), null);
        assertThat(callable.toString(), not(containsString(PASSWORD)));
    }
}
