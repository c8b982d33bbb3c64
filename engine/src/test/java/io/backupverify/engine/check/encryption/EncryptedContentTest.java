package io.backupverify.engine.check.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.testing.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted formats recognised in the real output of age, gpg and openssl; plaintext is never taken for them. */
class EncryptedContentTest {
    @TempDir
    Path dir;

    private Optional<String> recognise(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return EncryptedContent.recognise(bytes, Math.min(bytes.length, EncryptedContent.HEAD_BYTES));
    }

    private Path plaintext() throws IOException {
        return Files.writeString(dir.resolve("orders.dump"), "-- PostgreSQL database dump\nCOPY orders;\n".repeat(50));
    }

    @Test
    void ageBinaryAndArmoredOutputIsRecognised() throws Exception {
        ExternalTools.require("age");
        ExternalTools.require("age-keygen");
        Path input = plaintext();
        ExternalTools.run(dir, "age-keygen", "-o", "key.txt");
        String recipient = Files.readAllLines(dir.resolve("key.txt")).stream()
                .filter(l -> l.startsWith("# public key: ")).findFirst().orElseThrow().substring(14);
        ExternalTools.run(dir, "age", "-r", recipient, "-o", "orders.dump.age", input.toString());
        ExternalTools.run(dir, "age", "-a", "-r", recipient, "-o", "orders.dump.age.asc", input.toString());
        assertThat(recognise(dir.resolve("orders.dump.age"))).contains("age");
        assertThat(recognise(dir.resolve("orders.dump.age.asc"))).contains("age");
    }

    @Test
    void gpgSymmetricPublicKeyAndArmoredOutputIsRecognised() throws Exception {
        ExternalTools.require("gpg");
        Path input = plaintext();
        Map<String, String> env = gnupgWithKeys();
        ExternalTools.run(dir, env, "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "canary",
                "-c", "-o", "sym.gpg", input.toString());
        ExternalTools.run(dir, env, "gpg", "--batch", "--trust-model", "always", "-r", "backup@example.org", "-e",
                "-o", "pub.gpg", input.toString());
        ExternalTools.run(dir, env, "gpg", "--batch", "--trust-model", "always", "-a", "-r", "backup@example.org",
                "-e", "-o", "pub.asc", input.toString());
        assertThat(recognise(dir.resolve("sym.gpg"))).contains("openpgp");
        assertThat(recognise(dir.resolve("pub.gpg"))).contains("openpgp");
        assertThat(recognise(dir.resolve("pub.asc"))).contains("openpgp");
        // Signed but not encrypted: readable by anyone, so not encrypted.
        ExternalTools.run(dir, env, "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "-s",
                "-o", "signed.gpg", input.toString());
        assertThat(recognise(dir.resolve("signed.gpg"))).isEmpty();
    }

    /**
     * {@code gpg --armor --sign} (also with {@code -r KEY} but no {@code --encrypt}, which only signs) and
     * {@code gpg --armor --store} write "-----BEGIN PGP MESSAGE-----" around plaintext that anyone can read: not
     * encrypted. An armored encrypted message with header lines before its body still is.
     */
    @Test
    void armoredSignedOrStoredMessagesAreNotEncryptedButArmoredEncryptedOnesWithHeadersAre() throws Exception {
        ExternalTools.require("gpg");
        Path input = plaintext();
        Map<String, String> env = gnupgWithKeys();
        ExternalTools.run(dir, env, "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "-a", "-s",
                "-o", "signed.asc", input.toString());
        ExternalTools.run(dir, env, "gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "-a", "-s",
                "-r", "backup@example.org", "-o", "signed-for.asc", input.toString());
        ExternalTools.run(dir, env, "gpg", "--batch", "-a", "--store", "-o", "stored.asc", input.toString());
        ExternalTools.run(dir, env, "gpg", "--batch", "--trust-model", "always", "-a", "--emit-version",
                "--comment", "nightly orders dump, encrypted for the backup key of the operations team",
                "-r", "backup@example.org", "-e", "-o", "headers.asc", input.toString());

        assertThat(Files.readString(dir.resolve("signed.asc"))).startsWith("-----BEGIN PGP MESSAGE-----");
        assertThat(recognise(dir.resolve("signed.asc"))).isEmpty();
        assertThat(recognise(dir.resolve("signed-for.asc"))).isEmpty();
        assertThat(recognise(dir.resolve("stored.asc"))).isEmpty();
        assertThat(Files.readString(dir.resolve("headers.asc"))).contains("Comment: nightly");
        assertThat(recognise(dir.resolve("headers.asc"))).contains("openpgp");
    }

    /** A fresh GnuPG home holding a signing key and an encryption subkey for backup@example.org; its environment. */
    private Map<String, String> gnupgWithKeys() throws Exception {
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("GNUPGHOME", home.toString());
        ExternalTools.run(dir, env, "gpg", "--batch", "--passphrase", "", "--quick-gen-key", "backup@example.org",
                "ed25519", "default", "never");
        ExternalTools.run(dir, env, "gpg", "--batch", "--quick-add-key", "--passphrase", "",
                fingerprint(env), "cv25519", "encr", "never");
        return env;
    }

    private String fingerprint(Map<String, String> env) throws Exception {
        String listing = ExternalTools.run(dir, env, "gpg", "--batch", "--with-colons", "--list-keys");
        return listing.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
    }

    @Test
    void opensslEncWithSaltIsRecognised() throws Exception {
        ExternalTools.require("openssl");
        Path input = plaintext();
        ExternalTools.run(dir, "openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-salt", "-pass", "pass:canary", "-in",
                input.toString(), "-out", "orders.dump.enc");
        assertThat(recognise(dir.resolve("orders.dump.enc"))).contains("openssl-enc");
    }

    @Test
    void plaintextCompressedAndRandomLookingFilesAreNotEncrypted() throws IOException {
        assertThat(recognise(plaintext())).isEmpty();
        Path gz = dir.resolve("orders.dump.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("orders".repeat(1000).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(recognise(gz)).isEmpty();
        assertThat(EncryptedContent.recognise("Salted_".getBytes(StandardCharsets.US_ASCII), 7)).isEmpty();
        assertThat(EncryptedContent.recognise(new byte[0], 0)).isEmpty();
        // An OpenPGP-looking first byte with an unknown version is not taken for an encrypted message.
        assertThat(EncryptedContent.recognise(new byte[] {(byte) 0x8c, 0x0d, 0x09, 0x07}, 4)).isEmpty();
    }
}
