package io.backupverify.engine.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialValueTest {
    private static final String PASSWORD = "hunter2-Pa55";
    private static final String TOKEN = "ghp_tokenvalue0123";
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----";
    private static final String PASSPHRASE = "correct horse";
    private static final String FILE = "[default]\naws_secret=filesecret999";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String AWS_SESSION = "FwoGZXIvYXdzEXAMPLESESSION";
    private static final List<String> SECRETS = List.of(PASSWORD, TOKEN, "OPENSSH", PASSPHRASE, "filesecret999",
            AWS_SECRET, AWS_SESSION);

    private final List<CredentialValue> all = List.of(
            new UsernamePassword("backup", SecretValue.of(PASSWORD)),
            new SecretText(SecretValue.of(TOKEN)),
            new SshPrivateKey("restic", SecretValue.of(KEY), SecretValue.of(PASSPHRASE)),
            new SecretFile("aws.ini", SecretValue.ofBytes(FILE.getBytes(StandardCharsets.UTF_8))),
            new AwsKeys("AKIAEXAMPLE", SecretValue.of(AWS_SECRET), SecretValue.of(AWS_SESSION)));

    @Test
    void toStringShowsNoSecret() {
        for (CredentialValue value : all) {
            assertThat(value.toString()).as(value.kind()).contains(SecretValue.MASK);
            SECRETS.forEach(secret -> assertThat(value.toString()).as(value.kind()).doesNotContain(secret));
        }
        assertThat(all.get(0).toString()).contains("backup");
        assertThat(all.get(4).toString()).contains("AKIAEXAMPLE");
    }

    @Test
    void jsonShowsNoSecret() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (CredentialValue value : all) {
            String json = mapper.writeValueAsString(value);
            SECRETS.forEach(secret -> assertThat(json).as(value.kind()).doesNotContain(secret));
            assertThat(json).contains("\"" + SecretValue.MASK + "\"");
        }
    }

    @Test
    void stringFormattingAndConcatenationShowNoSecret() {
        String line = "using " + all.get(0) + String.format(" and %s", all.get(2));

        SECRETS.forEach(secret -> assertThat(line).doesNotContain(secret));
    }

    @Test
    void theOwnerCanStillReadTheSecrets() {
        SshPrivateKey key = (SshPrivateKey) all.get(2);
        SecretFile file = (SecretFile) all.get(3);

        assertThat(key.privateKey().reveal()).isEqualTo(KEY);
        assertThat(key.passphrase().reveal()).isEqualTo(PASSPHRASE);
        assertThat(new String(file.content().revealBytes(), StandardCharsets.UTF_8)).isEqualTo(FILE);
    }

    @Test
    void revealedBytesAreACopy() {
        SecretValue secret = SecretValue.of("abc");

        secret.revealBytes()[0] = 'x';

        assertThat(secret.reveal()).isEqualTo("abc");
    }

    @Test
    void missingPassphraseAndSessionTokenAreEmpty() {
        assertThat(new SshPrivateKey("u", SecretValue.of(KEY), null).passphrase().isEmpty()).isTrue();
        AwsKeys keys = new AwsKeys("AKIA", SecretValue.of(AWS_SECRET), null);
        assertThat(keys.isTemporary()).isFalse();
        assertThat(((AwsKeys) all.get(4)).isTemporary()).isTrue();
    }
}
