package io.backupverify.engine.check.readable;

import static io.backupverify.engine.check.readable.ReadableArea.shell;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps encrypted with gpg ({@code pg_dump | gzip | gpg --encrypt}), then cut short by a disk that filled up or a
 * copy that was cut off: gpg cannot decrypt them, and checksums written afterwards match. What the message holds
 * cannot be read without its key, but its packets can be walked to the end of the file.
 */
class OpenPgpReadableTest {
    @TempDir
    Path root;
    private ReadableArea area;
    private Path latest;
    private Path gnupg;

    @BeforeEach
    void backup() throws Exception {
        ExternalTools.require("gpg");
        area = new ReadableArea(root);
        gnupg = Files.createDirectories(root.resolve(".gnupg"));
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        latest = area.folder("b-2026-11-25");
        // a file that is read whole, so that the check would pass on it alone
        shell(latest, "seq 1 1000 > rows.txt && tar -czf site.tar.gz rows.txt && rm rows.txt");
        gpg("--passphrase", "", "--quick-gen-key", "backup@example.com", "default", "default", "never");
        shell(latest, "seq 1 200000 | gzip > rows.gz");
        gpg("--encrypt", "-r", "backup@example.com", "--trust-model", "always", "-o", "orders.sql.gz.gpg",
                "rows.gz");
        gpg("--symmetric", "--passphrase", "pw", "-o", "customers.sql.gz.gpg", "rows.gz");
        gpg("--encrypt", "--armor", "-r", "backup@example.com", "--trust-model", "always", "-o",
                "notes.txt.asc", "rows.gz");
        Files.delete(latest.resolve("rows.gz"));
    }

    private void gpg(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("gpg", "--batch", "--pinentry-mode", "loopback"));
        command.addAll(List.of(arguments));
        ExternalTools.run(latest, Map.of("GNUPGHOME", gnupg.toString()), command.toArray(String[]::new));
    }

    @Test
    void wholeEncryptedMessagesAreNotCheckedInsideAndNeverCountAsRead() throws Exception {
        // Armored messages of three lengths in a row end their base64 with each kind of padding.
        for (int length = 100; length < 103; length++) {
            shell(latest, "seq 1 100 | head -c " + length + " > small.txt");
            gpg("--encrypt", "--armor", "--compress-algo", "none", "-r", "backup@example.com", "--trust-model",
                    "always", "-o", "small-" + length + ".asc", "small.txt");
        }
        Files.delete(latest.resolve("small.txt"));

        CheckResult result = area.readable("{}");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("readFiles", 1L).containsEntry("unknownFormatFiles", 6L);
        assertThat(result.metrics().get("notChecked").toString()).contains("orders.sql.gz.gpg (OpenPGP encrypted "
                + "message, 2 packets whole to the end of the file; what it holds cannot be read without its key)")
                .contains("notes.txt.asc (armored, OpenPGP encrypted message");
    }

    /**
     * {@code gpg --armor --sign} writes "-----BEGIN PGP MESSAGE-----" around a signed message that holds no encrypted
     * data: it is not an encrypted message cut short (it was FAILed as one), but a format this check does not read.
     */
    @Test
    void armoredSignedMessagesAreNotTakenForEncryptedOnesCutShort() throws Exception {
        shell(latest, "seq 1 100 > plain.txt");
        gpg("--passphrase", "", "--armor", "--sign", "-o", "signed.txt.asc", "plain.txt");
        gpg("--armor", "--store", "-o", "stored.txt.asc", "plain.txt");
        Files.delete(latest.resolve("plain.txt"));

        CheckResult result = area.readable("{}");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("readFiles", 1L).containsEntry("unknownFormatFiles", 5L);
        assertThat(result.metrics().get("notChecked").toString()).contains("signed.txt.asc").contains("stored.txt.asc");
    }

    @Test
    void encryptedMessagesCutShortFailWhereverTheCutFalls() throws Exception {
        // An upload that stopped right after the packet that opens the message (gpg --symmetric writes it with a
        // one-byte length): gpg --decrypt prints nothing and exits 0 on it.
        Path symmetric = latest.resolve("customers.sql.gz.gpg");
        ReadableArea.cut(symmetric, "keys-only.gpg", (Files.readAllBytes(symmetric)[1] & 0xFF) + 2);
        long size = Files.size(latest.resolve("orders.sql.gz.gpg"));
        ReadableArea.cut(latest.resolve("orders.sql.gz.gpg"), "orders.sql.gz.gpg", size - 1);
        ReadableArea.cut(symmetric, "customers.sql.gz.gpg", 8192);
        ReadableArea.cut(latest.resolve("notes.txt.asc"), "notes.txt.asc", 4096);

        CheckResult result = area.readable("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.FAIL).extracting(Finding::item)
                .containsExactlyInAnyOrder("b-2026-11-25/orders.sql.gz.gpg", "b-2026-11-25/customers.sql.gz.gpg",
                        "b-2026-11-25/notes.txt.asc", "b-2026-11-25/keys-only.gpg");
        assertThat(result.findings()).filteredOn(f -> f.item().endsWith("orders.sql.gz.gpg"))
                .extracting(Finding::message).allMatch(m -> m.startsWith("as openpgp: the OpenPGP packet (tag 18)")
                        && m.contains("is cut short"));
        assertThat(result.findings()).filteredOn(f -> f.item().endsWith("notes.txt.asc"))
                .extracting(Finding::message).allMatch(m -> m.contains("has no END line"));
        assertThat(result.findings()).filteredOn(f -> f.item().endsWith("keys-only.gpg"))
                .extracting(Finding::message).allMatch(m -> m.contains("without its encrypted data packet"));
    }

    @Test
    void somethingAfterTheMessageOrAChangedArmorFails() throws Exception {
        shell(latest, "head -c 4096 /dev/zero >> orders.sql.gz.gpg"
                + " && sed -i '3s/^./X/' notes.txt.asc");

        CheckResult result = area.readable("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.FAIL).extracting(Finding::item)
                .containsExactlyInAnyOrder("b-2026-11-25/orders.sql.gz.gpg", "b-2026-11-25/notes.txt.asc");
    }
}
