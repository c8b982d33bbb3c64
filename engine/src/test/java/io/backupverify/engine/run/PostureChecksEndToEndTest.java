package io.backupverify.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.ExternalTools;
import io.backupverify.engine.testing.Plans;
import io.backupverify.engine.testing.Tmpfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption, access, immutability and copies on real folders, from plan text to verdicts. */
class PostureChecksEndToEndTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final Instant LAST_NIGHT = Instant.parse("2026-11-29T02:00:00Z");

    @TempDir
    Path dir;
    private Path vault;
    private Tmpfs nas;

    private static CheckResult check(RunResult run, String set, String id) {
        return run.sets().stream().filter(s -> s.name().equals(set)).findFirst().orElseThrow().checks().stream()
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> items(CheckResult result, Status severity) {
        return result.findings().stream().filter(f -> f.severity() == severity).map(Finding::item).toList();
    }

    private static String onePlan(String checks) {
        return """
                backupSets:
                  - name: orders
                    target: { type: local, path: orders }
                    layout: { kind: directory-per-backup, namePattern: "nightly-{yyyy-MM-dd}" }
                    checks:
                %s
                """.formatted(checks.indent(6));
    }

    @Test
    void aPlaintextDumpInAnEncryptedSetFailsByName() throws Exception {
        ExternalTools.require("age");
        Path backup = Files.createDirectories(dir.resolve("orders/nightly-2026-11-29"));
        Path plain = Files.writeString(backup.resolve("orders.dump"), "-- PostgreSQL database dump\n".repeat(20));
        ExternalTools.run(dir, "age-keygen", "-o", "key.txt");
        String recipient = Files.readAllLines(dir.resolve("key.txt")).stream()
                .filter(l -> l.startsWith("# public key: ")).findFirst().orElseThrow().substring(14);
        ExternalTools.run(backup, "age", "-r", recipient, "-o", "customers.dump.age", plain.toString());
        ExternalTools.run(backup, "sh", "-c", "sha256sum * > SHA256SUMS");

        CheckResult result = check(Plans.run(onePlan("encryption: { atRest: required }"), dir, NOW), "orders",
                "encryption");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(items(result, Status.FAIL)).containsExactly("nightly-2026-11-29/orders.dump");
        assertThat(result.findings().get(0).advice()).startsWith("encrypt backups before they are stored");
        assertThat(result.metrics()).containsEntry("encryptedFiles", 1L).containsEntry("plaintextFiles", 1L)
                .containsEntry("formats", Map.of("age", 1));

        Files.delete(plain);
        ExternalTools.run(backup, "sh", "-c", "sha256sum * > SHA256SUMS");
        result = check(Plans.run(onePlan("encryption: { atRest: required }"), dir, NOW), "orders", "encryption");
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("plaintextFiles", 0L);
        assertThat(result.metrics().get("transport").toString()).startsWith("a local file system");
    }

    @Test
    void aBackupWithoutDataFilesIsNeverShownEncrypted() throws Exception {
        Path backup = Files.createDirectories(dir.resolve("orders/nightly-2026-11-29"));
        Files.writeString(backup.resolve("SHA256SUMS"), "");
        CheckResult result = check(Plans.run(onePlan("encryption: { atRest: required }"), dir, NOW), "orders",
                "encryption");
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings().get(0).message()).startsWith("no data file to examine");
    }

    /** The backup folder as a restic repository holding one snapshot of source/orders.sql (a plaintext dump). */
    private Path resticRepositoryBackup() throws Exception {
        return resticRepositoryBackup("");
    }

    /** The same, the repository in a subfolder of the backup folder. */
    private Path resticRepositoryBackup(String subfolder) throws Exception {
        ExternalTools.require("restic");
        Path backup = Files.createDirectories(dir.resolve("orders/nightly-2026-11-29").resolve(subfolder));
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("orders.sql"), "INSERT INTO orders VALUES (1);\n".repeat(100));
        Map<String, String> env = Map.of("RESTIC_PASSWORD", "canary-password", "RESTIC_REPOSITORY",
                backup.toString());
        ExternalTools.run(dir, env, "restic", "init");
        ExternalTools.run(dir, env, "restic", "backup", "--host", "db1", source.toString());
        return backup;
    }

    @Test
    void aResticRepositoryCopiedToAFolderCountsAsEncrypted() throws Exception {
        resticRepositoryBackup();

        CheckResult result = check(Plans.run(onePlan("encryption: { atRest: required }"), dir, NOW), "orders",
                "encryption");
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics().get("formats").toString()).startsWith("{restic-repository=");
    }

    @Test
    void aResticRepositoryInASubfolderOfTheBackupCountsAsEncryptedAndAFileBesideItDoesNot() throws Exception {
        Path repository = resticRepositoryBackup("offsite/restic");

        CheckResult result = check(Plans.run(onePlan("encryption: { atRest: required }"), dir, NOW), "orders",
                "encryption");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics().get("formats").toString()).startsWith("{restic-repository=");

        Files.copy(dir.resolve("source/orders.sql"), repository.resolveSibling("orders.sql"));
        result = check(Plans.run(onePlan("encryption: { atRest: required }"), dir, NOW), "orders", "encryption");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(items(result, Status.FAIL)).containsExactly("nightly-2026-11-29/offsite/orders.sql");
    }

    /**
     * A job that leaves its plaintext dump in the folder it copies the restic repository to (or drops one beside
     * the repository's files): the repository is encrypted, the dump is not, and it must FAIL by name.
     */
    @Test
    void aPlaintextFileBesideAResticRepositoryIsNotEncryptedByIt() throws Exception {
        Path backup = resticRepositoryBackup();
        Path dump = dir.resolve("source/orders.sql");
        Files.copy(dump, backup.resolve("orders.sql"));
        Files.copy(dump, backup.resolve("data/orders.sql.bak"));

        CheckResult result = check(Plans.run(onePlan("encryption: { atRest: required }"), dir, NOW), "orders",
                "encryption");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(items(result, Status.FAIL)).containsExactlyInAnyOrder("nightly-2026-11-29/orders.sql",
                "nightly-2026-11-29/data/orders.sql.bak");
        assertThat(result.metrics()).containsEntry("plaintextFiles", 2L);
    }

    @Test
    void keyAgeAndImmutabilityCannotBeToldOnALocalFolder() throws Exception {
        new BackupTree(dir.resolve("orders")).backup("nightly-2026-11-29", LAST_NIGHT, "a.bin", "x");
        RunResult run = Plans.run(onePlan("""
                encryption: { atRest: report, maxKeyAge: 365d }
                immutability: { required: true, minRetention: 30d }"""), dir, NOW);
        assertThat(check(run, "orders", "encryption").status()).isEqualTo(Status.ERROR);
        assertThat(check(run, "orders", "immutability").status()).isEqualTo(Status.ERROR);
        assertThat(check(run, "orders", "immutability").findings().get(0).message())
                .contains("cannot be enforced here");

        run = Plans.run(onePlan("""
                encryption: { atRest: report, maxKeyAge: 365d, unknown: warn }
                immutability: { required: true, unknown: warn }"""), dir, NOW);
        assertThat(check(run, "orders", "encryption").status()).isEqualTo(Status.WARN);
        assertThat(check(run, "orders", "immutability").status()).isEqualTo(Status.WARN);
    }

    @Test
    void accessNamesFilesOthersCanReadOrWriteAndUnexpectedOwners() throws Exception {
        Path backup = new BackupTree(dir.resolve("orders")).backup("nightly-2026-11-29", LAST_NIGHT,
                "orders.dump", "secret rows", "customers.dump", "more rows");
        for (Path path : List.of(dir.resolve("orders"), backup)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-x--x"));
        }
        Files.setPosixFilePermissions(backup.resolve("orders.dump"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(backup.resolve("customers.dump"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(backup.resolve("SHA256SUMS"), PosixFilePermissions.fromString("rw-r-----"));
        String me = Files.getOwner(backup).getName();

        CheckResult result = check(Plans.run(onePlan("access: { worldReadable: forbid, owner: " + me + " }"), dir,
                NOW), "orders", "access");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item).containsExactlyInAnyOrder(
                "nightly-2026-11-29/orders.dump", "nightly-2026-11-29/customers.dump",
                "nightly-2026-11-29/customers.dump");
        assertThat(result.findings()).extracting(Finding::message).anyMatch(m -> m.startsWith("writable by anyone"));
        assertThat(result.metrics()).containsEntry("readableByOthers", 2L);

        // A folder others cannot pass through protects what is below it.
        Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(backup.resolve("customers.dump"), PosixFilePermissions.fromString("rw-r--r--"));
        result = check(Plans.run(onePlan("access: { worldReadable: forbid, owner: " + me + " }"), dir, NOW),
                "orders", "access");
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("readableByOthers", 0L);
    }

    @Test
    void accessNamesOwnersAndWritersNotExpected() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "changing a file's owner and group needs root (CI runs as root)");
        Path backup = new BackupTree(dir.resolve("orders")).backup("nightly-2026-11-29", LAST_NIGHT,
                "orders.dump", "rows");
        for (Path path : List.of(dir.resolve("orders"), backup, backup.resolve("orders.dump"),
                backup.resolve("SHA256SUMS"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path)
                    ? "rwxrwx---" : "rw-rw----"));
        }
        ExternalTools.run(dir, "chgrp", "nogroup", backup.resolve("orders.dump").toString());
        CheckResult result = check(Plans.run(onePlan("access: { owner: root, writers: [root] }"), dir, NOW),
                "orders", "access");
        assertThat(result.findings()).extracting(Finding::item, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/orders.dump",
                        "writable by group nogroup, which is not among the writers [root]"));
        assertThat(check(Plans.run(onePlan("access: { owner: root, writers: [root, nogroup] }"), dir, NOW),
                "orders", "access").status()).isEqualTo(Status.PASS);

        ExternalTools.run(dir, "chown", "nobody", backup.resolve("orders.dump").toString());
        result = check(Plans.run(onePlan("access: { owner: root, group: root }"), dir, NOW), "orders", "access");
        assertThat(result.findings()).extracting(Finding::item, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/orders.dump", "owned by nobody, expected root"),
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/orders.dump",
                        "group nogroup, expected root"));
        assertThat(result.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void writersNamedInAnAccessControlListAreNotExpectedWriters() throws Exception {
        ExternalTools.require("setfacl");
        Path backup = new BackupTree(dir.resolve("orders")).backup("nightly-2026-11-29", LAST_NIGHT,
                "orders.dump", "rows", "customers.dump", "more rows");
        for (Path path : List.of(dir.resolve("orders"), backup, backup.resolve("orders.dump"),
                backup.resolve("customers.dump"), backup.resolve("SHA256SUMS"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path)
                    ? "rwxr-x---" : "rw-r-----"));
        }
        String me = Files.getOwner(backup).getName();
        String plan = onePlan("access: { writers: [" + me + "] }");
        assertThat(check(Plans.run(plan, dir, NOW), "orders", "access").status()).isEqualTo(Status.PASS);

        // A service user given write access to a dump, a group that may replace the files of a backup folder, and
        // a user whose write access the list's mask takes away again (ls -l shows the mask as the group's bits).
        ExternalTools.run(dir, "setfacl", "-m", "u:nobody:rw", backup.resolve("orders.dump").toString());
        ExternalTools.run(dir, "setfacl", "-m", "g:nogroup:rwx", backup.toString());
        ExternalTools.run(dir, "setfacl", "-m", "u:nobody:rwx,m::r-x", backup.resolve("customers.dump").toString());
        CheckResult result = check(Plans.run(plan, dir, NOW), "orders", "access");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29", "writable by group nogroup through its "
                        + "access control list (setfacl), which is not among the writers [" + me + "]"),
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/orders.dump", "writable by user nobody "
                        + "through its access control list (setfacl), who is not among the writers [" + me + "]"));
        assertThat(result.findings()).extracting(Finding::advice).allMatch(a -> a.contains("setfacl -x"));

        assertThat(check(Plans.run(onePlan("access: { writers: [" + me + ", nobody, nogroup] }"), dir, NOW),
                "orders", "access").status()).isEqualTo(Status.PASS);
    }

    private static String copiesPlan(String copies) {
        return """
                backupSets:
                  - name: orders
                    target: { type: local, path: primary }
                    layout: { kind: directory-per-backup, namePattern: "nightly-{yyyy-MM-dd}" }
                    checks:
                      copies: %s
                  - name: orders-nas
                    target: { type: local, path: nas }
                    layout: { kind: directory-per-backup, namePattern: "nightly-{yyyy-MM-dd}" }
                    checks:
                      freshness: { maxAge: 26h }
                  - name: orders-vault
                    offsite: true
                    target: { type: local, path: vault }
                    layout: { kind: directory-per-backup, namePattern: "orders_{yyyyMMdd}" }
                    checks:
                      freshness: { maxAge: 26h }
                """.formatted(copies);
    }

    /** The vault, the off-site copy, on a file system of its own (a tmpfs), as a mounted share would be. */
    private Path vaultOnItsOwnFileSystem() throws IOException {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getAttribute(shm, "unix:dev").equals(Files.getAttribute(dir, "unix:dev")),
                "/dev/shm is a file system of its own");
        vault = Files.createTempDirectory(shm, "vault");
        return Files.createSymbolicLink(dir.resolve("vault"), vault);
    }

    @AfterEach
    void removeVault() throws IOException {
        if (nas != null) {
            nas.close();
        }
        if (vault != null) {
            try (Stream<Path> files = Files.walk(vault)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The NAS copy on a file system of its own too (a tmpfs mounted for the test), as a second disk would be. */
    private void nasOnItsOwnFileSystem() throws IOException {
        nas = Tmpfs.mount(dir.resolve("nas-disk"));
        Files.createSymbolicLink(dir.resolve("nas"), nas.root());
    }

    private void threeCopies() throws IOException {
        vaultOnItsOwnFileSystem();
        nasOnItsOwnFileSystem();
        copiesIn(List.of("primary/nightly-2026-11-29", "nas/nightly-2026-11-29", "vault/orders_20261129"));
    }

    private void copiesIn(List<String> places) throws IOException {
        for (String place : places) {
            Path backup = Files.createDirectories(dir.resolve(place));
            Files.writeString(backup.resolve("orders.dump"), "orders rows\n".repeat(1000));
            Files.writeString(backup.resolve("customers.dump"), "customer rows\n".repeat(500));
        }
        Files.createDirectories(dir.resolve("primary/nightly-2026-11-28"));
        Files.writeString(dir.resolve("primary/nightly-2026-11-28/orders.dump"), "older");
    }

    @Test
    void identicalCopiesInThreePlacesPassAndAreCounted() throws Exception {
        threeCopies();
        RunResult run = Plans.run(copiesPlan("{ at: [orders-nas, orders-vault], minCopies: 3, offsite: 1 }"), dir,
                NOW);
        CheckResult result = check(run, "orders", "copies");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("copies", 3).containsEntry("offsiteCopies", 1)
                .containsEntry("providers", List.of("local"));
        assertThat(result.summary()).startsWith("nightly-2026-11-29: 3 identical copies");
    }

    @Test
    void aChangedFileAMissingFileAndAMissingCopyFailByName() throws Exception {
        threeCopies();
        byte[] bytes = Files.readAllBytes(dir.resolve("nas/nightly-2026-11-29/orders.dump"));
        bytes[100] ^= 0x01;
        Files.write(dir.resolve("nas/nightly-2026-11-29/orders.dump"), bytes);
        Files.delete(dir.resolve("vault/orders_20261129/customers.dump"));
        Files.writeString(dir.resolve("vault/orders_20261129/stray.txt"), "x");
        CheckResult result = check(Plans.run(copiesPlan("{ at: [orders-nas, orders-vault], minCopies: 2 }"), dir,
                NOW), "orders", "copies");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(items(result, Status.FAIL)).contains("orders-nas:nightly-2026-11-29/orders.dump",
                "orders-vault:orders_20261129/customers.dump", "nightly-2026-11-29");
        assertThat(items(result, Status.WARN)).containsExactly("orders-vault:orders_20261129/stray.txt");
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.FAIL)
                .allSatisfy(f -> assertThat(f.advice()).isNotBlank());
        assertThat(result.metrics()).containsEntry("copies", 1);

        deleteTree(dir.resolve("nas/nightly-2026-11-29"));
        Files.createDirectories(dir.resolve("nas/nightly-2026-11-27"));
        result = check(Plans.run(copiesPlan("{ at: [orders-nas], minCopies: 1 }"), dir, NOW), "orders", "copies");
        assertThat(result.findings()).extracting(Finding::message)
                .contains("no copy of nightly-2026-11-29 at orders-nas (local:" + dir.resolve("nas") + ")");
        assertThat(result.status()).isEqualTo(Status.FAIL);
    }

    /** A dump job that died leaves a 0-byte dump, and the copy job copies it faithfully: both agree on nothing. */
    @Test
    void copiesThatAgreeOnlyBecauseBothAreEmptyDoNotPass() throws Exception {
        nasOnItsOwnFileSystem();
        for (String place : List.of("primary/nightly-2026-11-29", "nas/nightly-2026-11-29")) {
            Files.createDirectories(dir.resolve(place));
            Files.writeString(dir.resolve(place).resolve("orders.dump"), "");
        }
        Files.createDirectories(dir.resolve("vault"));
        CheckResult nothingAnywhere = check(Plans.run(copiesPlan("{ at: [orders-nas] }"), dir, NOW), "orders",
                "copies");

        assertThat(nothingAnywhere.status()).isEqualTo(Status.FAIL);
        assertThat(nothingAnywhere.summary()).isEqualTo("no backup holds any data");

        for (String place : List.of("primary/nightly-2026-11-28", "nas/nightly-2026-11-28")) {
            Files.createDirectories(dir.resolve(place));
            Files.writeString(dir.resolve(place).resolve("orders.dump"), "orders rows\n");
        }
        CheckResult emptyNewest = check(Plans.run(copiesPlan("{ at: [orders-nas] }"), dir, NOW), "orders", "copies");

        assertThat(emptyNewest.status()).isEqualTo(Status.WARN);
        assertThat(items(emptyNewest, Status.WARN)).containsExactly("nightly-2026-11-29");
        assertThat(emptyNewest.summary()).startsWith("nightly-2026-11-28: 2 identical copies");
    }

    @Test
    void aCopyPlaceThatCannotBeReadIsAnErrorNeverAPass() throws Exception {
        threeCopies();
        deleteTree(dir.resolve("nas"));
        CheckResult result = check(Plans.run(copiesPlan("{ at: [orders-nas], minCopies: 1 }"), dir, NOW), "orders",
                "copies");
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings()).extracting(Finding::item).containsExactly("orders-nas");
        assertThat(result.findings().get(0).message()).startsWith("cannot read the copy at orders-nas");
    }

    /**
     * A copy marked off-site on the primary's own file system, as when the share the copy job writes to was not
     * mounted and it wrote into the empty mount point: not off-site, however the plan marks it, nor another copy.
     */
    @Test
    void aCopyMarkedOffsiteOnThePrimarysFileSystemIsNotCountedOffsite() throws Exception {
        copiesIn(List.of("primary/nightly-2026-11-29", "nas/nightly-2026-11-29", "vault/orders_20261129"));
        RunResult run = Plans.run(copiesPlan("{ at: [orders-nas, orders-vault], minCopies: 3, offsite: 1 }"), dir,
                NOW);
        CheckResult result = check(run, "orders", "copies");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("copies", 1).containsEntry("offsiteCopies", 0);
        assertThat(result.findings()).extracting(Finding::item, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("orders-nas:nightly-2026-11-29", Status.WARN),
                org.assertj.core.groups.Tuple.tuple("orders-vault:orders_20261129", Status.WARN),
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29", Status.FAIL));
        assertThat(result.findings()).filteredOn(f -> f.item().startsWith("orders-vault")).extracting(Finding::message)
                .singleElement().satisfies(message -> assertThat(message)
                        .startsWith("marked off-site, but on the same file system as nightly-2026-11-29 (device ")
                        .contains("not counted as off-site nor as another copy"));
    }

    /**
     * Two local folders on one disk are one copy: the disk that dies takes both. The NAS folder here is beside the
     * primary, as when the NAS share is not mounted; only the vault, on a file system of its own, is another copy.
     */
    @Test
    void twoLocalFoldersOnOneFileSystemAreOneCopy() throws Exception {
        vaultOnItsOwnFileSystem();
        copiesIn(List.of("primary/nightly-2026-11-29", "nas/nightly-2026-11-29", "vault/orders_20261129"));
        CheckResult result = check(Plans.run(copiesPlan("{ at: [orders-nas, orders-vault], minCopies: 3 }"), dir,
                NOW), "orders", "copies");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("copies", 2).containsEntry("offsiteCopies", 1)
                .containsEntry("sharingStorage", List.of("orders-nas:nightly-2026-11-29"));
        assertThat(result.findings()).extracting(Finding::item, Finding::severity, Finding::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders-nas:nightly-2026-11-29", Status.WARN,
                                "on the same file system as nightly-2026-11-29 (device " + Files.getAttribute(dir,
                                        "unix:dev") + "), so not counted as another copy: one fault of that disk "
                                        + "loses both"),
                        org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29", Status.FAIL,
                                "2 identical copies of the newest backup, fewer than minCopies 3"));
        assertThat(result.summary()).isEqualTo("nightly-2026-11-29: 2 identical copies on 1 provider, 1 off-site (1 "
                + "more sharing their storage, not counted)");

        CheckResult enough = check(Plans.run(copiesPlan("{ at: [orders-nas, orders-vault], minCopies: 2 }"), dir,
                NOW), "orders", "copies");
        assertThat(enough.status()).as("the copy sharing storage is named even when enough others are")
                .isEqualTo(Status.WARN);
    }

    @Test
    void twoLocalFoldersAreOneProviderAndOnSiteUnlessMarked() throws Exception {
        threeCopies();
        CheckResult result = check(Plans.run(copiesPlan("{ at: [orders-nas], minProviders: 2, offsite: 1 }"), dir,
                NOW), "orders", "copies");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message).containsExactlyInAnyOrder(
                "copies on 1 provider [local], fewer than minProviders 2",
                "0 off-site copies, fewer than the 1 required");
    }

    @Test
    void copiesAreComparedByManifestOnlyWhenAskedAndSaySo() throws Exception {
        threeCopies();
        for (String place : List.of("primary/nightly-2026-11-29", "nas/nightly-2026-11-29")) {
            ExternalTools.run(dir.resolve(place), "sh", "-c", "sha256sum *.dump > SHA256SUMS");
        }
        CheckResult result = check(Plans.run(bothIntegrityChecked(copiesPlan("{ at: [orders-nas], compare: manifest }")),
                dir, NOW), "orders", "copies");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("comparedBy", "manifest digests");
        result = check(Plans.run(copiesPlan("{ at: [orders-nas] }"), dir, NOW), "orders", "copies");
        assertThat(result.metrics()).containsEntry("comparedBy", "content (SHA-256 of both sides)");
    }

    /** The plan with an integrity check on the original and on the NAS copy, so their manifests vouch for bytes. */
    private static String bothIntegrityChecked(String plan) {
        String integrity = "      integrity: { manifest: SHA256SUMS, sample: 100% }\n";
        String nas = "path: nas }\n    layout: { kind: directory-per-backup, namePattern: \"nightly-{yyyy-MM-dd}\" }\n"
                + "    checks:\n";
        return plan.replace("    checks:\n      copies:", "    checks:\n" + integrity + "      copies:")
                .replace(nas, nas + integrity);
    }

    /**
     * Bit rot on the NAS copy after rsync copied the backup with its SHA256SUMS: the two manifests still agree. With
     * no integrity check on the NAS set nothing vouches that its bytes match its manifest, so the manifests alone
     * must not make the copies identical: its files are read.
     */
    @Test
    void manifestsVouchForACopyOnlyWhenItsSetHasAnIntegrityCheck() throws Exception {
        threeCopies();
        for (String place : List.of("primary/nightly-2026-11-29", "nas/nightly-2026-11-29")) {
            ExternalTools.run(dir.resolve(place), "sh", "-c", "sha256sum *.dump > SHA256SUMS");
        }
        Path rotten = dir.resolve("nas/nightly-2026-11-29/orders.dump");
        byte[] bytes = Files.readAllBytes(rotten);
        bytes[100] ^= 0x01;
        Files.write(rotten, bytes);

        RunResult run = Plans.run(copiesPlan("{ at: [orders-nas], compare: manifest }"), dir, NOW);

        CheckResult result = check(run, "orders", "copies");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.FAIL).extracting(Finding::item)
                .contains("orders-nas:nightly-2026-11-29/orders.dump");
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.PASS).extracting(Finding::message)
                .anyMatch(m -> m.contains("no integrity check"));
        assertThat(result.metrics().get("comparedBy").toString()).startsWith("content");

        // with integrity on both sets the manifests compare, and the NAS set's own integrity check finds the rot
        run = Plans.run(bothIntegrityChecked(copiesPlan("{ at: [orders-nas], compare: manifest }")), dir, NOW);
        assertThat(check(run, "orders", "copies").metrics()).containsEntry("comparedBy", "manifest digests");
        assertThat(check(run, "orders-nas", "integrity").status()).isEqualTo(Status.FAIL);
        assertThat(run.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void theCopiesSetsAreReadEvenWhenTheRunSelectsOnlyThisSet() throws Exception {
        threeCopies();
        var options = VerifyOptions.defaults().withClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .withSets(List.of("orders"));
        RunResult run = new Verifier().verify(Plans.parse(copiesPlan("{ at: [orders-nas, orders-vault] }"), dir),
                options);
        assertThat(run.sets()).hasSize(1);
        assertThat(check(run, "orders", "copies").metrics()).containsEntry("copies", 3);
    }

    @Test
    void reportsShowAPostureTableAndTheSummaryAPostureLine() throws Exception {
        threeCopies();
        RunResult run = Plans.run(copiesPlan("{ at: [orders-nas, orders-vault] }\n      access: { worldReadable: allow }"
                + "\n      immutability: { unknown: warn }"), dir, NOW);
        java.io.StringWriter html = new java.io.StringWriter();
        new io.backupverify.engine.report.HtmlReport().write(run, html);
        assertThat(html.toString()).contains("<caption>Security posture</caption>")
                .contains("<td>copies</td>").contains("nightly-2026-11-29: 3 identical copies on 1 provider, 1 off-site");
        var sets = io.backupverify.engine.summary.RunSummaryView.of(run).getSets();
        assertThat(sets.get(0).getPosture()).extracting(v -> v.getId())
                .containsExactly("access", "immutability", "copies");
        assertThat(sets.get(1).getPosture()).isEmpty();
        assertThat(html.toString().split("Security posture", -1)).hasSize(2);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
