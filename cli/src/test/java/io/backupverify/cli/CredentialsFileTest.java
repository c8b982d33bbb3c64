package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.AzureSas;
import io.backupverify.engine.credentials.AzureSharedKey;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.SecretFile;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SshPrivateKey;
import io.backupverify.engine.credentials.UsernamePassword;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {
    private static final String CANARY = "canary-Secret-7f3a91";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Map<String, CredentialValue> load(Path file) throws UsageException {
        return CredentialsFile.load(file, name -> name.equals("S3_SECRET") ? CANARY : null);
    }

    @Test
    void readsEveryKindWithLiteralEnvironmentAndFileValues() throws Exception {
        write("pp", "passphrase-from-file\n");
        write("id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n");
        write("gcp.json", "{\"type\":\"service_account\"}");
        Path file = write("credentials.yaml", """
                s3-reader:  { kind: aws, accessKeyId: AKIAEXAMPLE, secretAccessKey: { env: S3_SECRET } }
                temporary:  { kind: aws, accessKeyId: ASIA1, secretAccessKey: s, sessionToken: { file: pp } }
                backup-ssh: { kind: ssh-key, username: backup, privateKeyFile: id_ed25519, passphrase: { file: pp } }
                inline-ssh: { kind: ssh-key, username: backup, privateKey: "-----BEGIN KEY-----" }
                restic-pw:  { kind: secret-text, secret: { env: S3_SECRET } }
                login:      { kind: username-password, username: alice, password: hunter2 }
                az:         { kind: azure-key, account: acmebackups, key: { env: S3_SECRET } }
                az-sas:     { kind: azure-sas, account: acmebackups, token: "sv=2024&sig=abc" }
                key-file:   { kind: secret-file, file: gcp.json }
                """);

        Map<String, CredentialValue> values = load(file);

        assertThat(values).containsOnlyKeys("s3-reader", "temporary", "backup-ssh", "inline-ssh", "restic-pw",
                "login", "az", "az-sas", "key-file");
        AwsKeys aws = (AwsKeys) values.get("s3-reader");
        assertThat(aws.accessKeyId()).isEqualTo("AKIAEXAMPLE");
        assertThat(aws.secretAccessKey().reveal()).isEqualTo(CANARY);
        assertThat(aws.isTemporary()).isFalse();
        assertThat(((AwsKeys) values.get("temporary")).sessionToken().reveal()).isEqualTo("passphrase-from-file");
        SshPrivateKey ssh = (SshPrivateKey) values.get("backup-ssh");
        assertThat(ssh.username()).isEqualTo("backup");
        assertThat(ssh.privateKey().reveal()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----").endsWith("-----\n");
        assertThat(ssh.passphrase().reveal()).isEqualTo("passphrase-from-file");
        assertThat(((SshPrivateKey) values.get("inline-ssh")).passphrase().isEmpty()).isTrue();
        assertThat(((SecretText) values.get("restic-pw")).secret().reveal()).isEqualTo(CANARY);
        assertThat(values.get("login")).isEqualTo(new UsernamePassword("alice",
                io.backupverify.engine.credentials.SecretValue.of("hunter2")));
        AzureSharedKey azure = (AzureSharedKey) values.get("az");
        assertThat(azure.account()).isEqualTo("acmebackups");
        assertThat(azure.key().reveal()).isEqualTo(CANARY);
        assertThat(((AzureSas) values.get("az-sas")).token().reveal()).isEqualTo("sv=2024&sig=abc");
        SecretFile secretFile = (SecretFile) values.get("key-file");
        assertThat(secretFile.fileName()).isEqualTo("gcp.json");
        assertThat(secretFile.content().reveal()).isEqualTo("{\"type\":\"service_account\"}");
        assertThat(values.toString()).doesNotContain(CANARY, "hunter2", "passphrase-from-file", "sig=abc");
    }

    @Test
    void refusesAFileGroupOrOthersCanRead() throws Exception {
        Path file = write("credentials.yaml", "x: { kind: secret-text, secret: " + CANARY + " }\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> load(file)).isInstanceOf(UsageException.class)
                .hasMessageContaining("credentials file " + file)
                .hasMessageContaining("group or others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void problemsNameTheFileLineAndKeyButNeverTheValue() throws Exception {
        assertProblem("a: { kind: aws, accessKeyId: AKIA, secretAccessKey: { env: NOT_SET } }\n",
                "line 1, 'a.secretAccessKey': the environment variable NOT_SET is not set");
        assertProblem("a: { kind: aws, accessKeyId: AKIA }\n", "line 1, 'a': missing key 'secretAccessKey'");
        assertProblem("ok: { kind: secret-text, secret: x }\nb:\n  kind: aws\n  accessKeyId: AKIA\n"
                + "  secretAcessKey: " + CANARY + "\n", "line 5, 'b.secretAcessKey': unknown key 'secretAcessKey'");
        assertProblem("a: { kind: gpg, secret: " + CANARY + " }\n", "line 1, 'a.kind': unknown kind 'gpg'");
        assertProblem("a: { secret: " + CANARY + " }\n", "line 1, 'a': missing key 'kind'");
        assertProblem("a: { kind: secret-text, secret: { file: missing.txt } }\n",
                "'a.secret': no such file");
        assertProblem("a: { kind: secret-text, secret: { vault: x } }\n", "unknown value source 'vault'");
        assertProblem("a: { kind: secret-text, secret: [" + CANARY + "] }\n",
                "expected a value, { env: NAME } or { file: PATH }");
        assertProblem("a: { kind: ssh-key, username: u }\n", "exactly one of privateKey");
        assertProblem("a: { kind: secret-text, secret: \"\" }\n", "'a.secret': the value is empty");
        assertProblem("a: { kind: secret-text, secret: x }\na: { kind: secret-text, secret: y }\n", "line 2");
        assertProblem("a:\n  kind: secret-text\n\tsecret: " + CANARY + "\n", "YAML syntax");
        assertProblem("- " + CANARY + "\n", "expected a map from credentials id to credentials");
    }

    private void assertProblem(String text, String expected) throws IOException {
        Path file = write("credentials.yaml", text);
        assertThatThrownBy(() -> load(file)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("credentials file " + file)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
    }

    @Test
    void verifyRefusesAnOpenCredentialsFileWithExitCode64() throws Exception {
        Path plan = write("plan.yaml", """
                backupSets:
                  - name: db
                    target: { type: local, path: backups }
                    checks: { freshness: { maxAge: 26h } }
                """);
        Path credentials = write("credentials.yaml", "x: { kind: secret-text, secret: " + CANARY + " }\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-rw----"));

        CommandRunner result = CommandRunner.run("verify", plan.toString(), "--credentials", credentials.toString());

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err()).contains("error: credentials file " + credentials).contains("chmod 600");
        assertThat(result.out() + result.err()).doesNotContain(CANARY);
    }

    @Test
    void aTargetWhoseCredentialsAreMissingIsAnErrorNamingTheIdNeverTheDefaults() throws Exception {
        Path plan = write("plan.yaml", """
                backupSets:
                  - name: orders
                    target: { type: s3, bucket: acme-backups, endpoint: "http://127.0.0.1:9", credentialsId: s3-reader }
                    checks: { freshness: { maxAge: 26h } }
                """);
        Path credentials = write("credentials.yaml", "other: { kind: secret-text, secret: " + CANARY + " }\n");

        CommandRunner withoutFile = CommandRunner.run("verify", plan.toString());
        CommandRunner withFile = CommandRunner.run("verify", plan.toString(), "--credentials", credentials.toString());

        assertThat(withoutFile.exitCode()).isEqualTo(3);
        assertThat(withoutFile.out()).contains("credentials 's3-reader' were not found: no credentials file was given");
        assertThat(withFile.exitCode()).isEqualTo(3);
        assertThat(withFile.out()).contains("credentials 's3-reader' were not found in " + credentials);
        assertThat(withFile.out() + withFile.err()).doesNotContain(CANARY);
    }
}
