package io.backupverify.engine.check.encryption;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.Advice;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.PostureChecks;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.EncryptionSpec;
import io.backupverify.engine.plan.Requirement;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.KeyAges;
import io.backupverify.engine.target.StoreEncryption;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.Transport;
import io.backupverify.engine.target.TransportSecurity;
import io.backupverify.engine.target.UnansweredException;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Encryption at rest and in transit. A data file counts as encrypted at rest when its content is in an
 * encrypted format (age, OpenPGP, {@code openssl enc}), when it belongs to an encrypting backup repository
 * (restic, borg repokey, kopia), or when the store says it encrypts it. Anything else is plaintext, and with
 * {@code atRest: required} each plaintext file fails by name. What the store cannot answer is never a pass.
 */
public final class EncryptionCheck implements Check {
    private final EncryptionSpec spec;

    public EncryptionCheck(EncryptionSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return "encryption";
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        String message = finding.message();
        if (message.startsWith("not encrypted")) {
            return "encrypt backups before they are stored (age, gpg, restic) or on a store that encrypts them, "
                    + "then replace this plaintext copy";
        }
        if (message.startsWith("reached over")) {
            return "use the store's https:// endpoint (or SFTP) so backups do not cross the network in clear";
        }
        if (message.contains("does not encrypt new files by default")) {
            return "turn on the bucket's default encryption (SSE-S3 or SSE-KMS) so new backups are encrypted";
        }
        if (finding.item().startsWith("key ")) {
            return "add a new key and remove the old one (restic key add, restic key remove)";
        }
        return finding.severity() == Status.ERROR ? "give the check the access it needs to answer, or set unknown: "
                + "warn where the answer cannot be had" : Advice.general(finding);
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException {
        CheckResult.Builder result = CheckResult.builder(id());
        Status unknown = PostureChecks.verdictFor(spec.unknown());
        String transit = inTransit(context.target(), result, unknown);
        List<Backup> backups = PostureChecks.select(context, spec.scope());
        if (backups.isEmpty()) {
            return result.noBackupFound().build();
        }
        AtRest atRest = new AtRest(unknown);
        storeDefault(context.target(), result, unknown);
        for (Backup backup : backups) {
            examine(context, backup, atRest, result);
        }
        if (atRest.examined == 0 && spec.atRest() == Requirement.REQUIRED) {
            result.finding(Finding.error(backups.get(backups.size() - 1).id(), "no data file to examine: "
                    + "nothing shows that the backups are encrypted"));
        }
        keyAge(context, result, unknown);
        result.metric("transport", transit);
        result.metric("filesExamined", atRest.examined);
        result.metric("encryptedFiles", atRest.encrypted);
        result.metric("plaintextFiles", atRest.plaintext);
        if (!atRest.formats.isEmpty()) {
            result.metric("formats", atRest.formats);
        }
        return result.summary(atRest.examined + " file" + (atRest.examined == 1 ? "" : "s") + " examined: "
                + atRest.encrypted + " encrypted, " + atRest.plaintext + " plaintext; in transit: " + transit)
                .build();
    }

    private String inTransit(Target target, CheckResult.Builder result, Status unknown) throws IOException {
        if (!(target instanceof TransportSecurity security)) {
            if (spec.inTransit() == Requirement.REQUIRED) {
                result.finding(new Finding(target.description(), "this kind of target cannot tell whether it is "
                        + "reached over an encrypted connection", unknown));
            }
            return "unknown";
        }
        Transport transport = security.transport();
        if (transport.isLocal()) {
            return transport.detail();
        }
        if (spec.inTransit() == Requirement.REQUIRED) {
            if (transport.encrypted() == null) {
                result.finding(new Finding(target.description(), transport.detail(), unknown));
            } else if (!transport.encrypted()) {
                result.finding(Finding.fail(target.description(), "reached over " + transport.kind()
                        + ", which is not encrypted in transit (" + transport.detail() + ")"));
            }
        }
        return transport.kind() + (transport.detail().isEmpty() ? "" : " (" + transport.detail() + ")");
    }

    private void examine(CheckContext context, Backup backup, AtRest atRest, CheckResult.Builder result)
            throws IOException {
        BackupContents contents = context.contents(backup);
        Target target = context.target();
        List<RepositoryFormat> repositories = RepositoryFormat.within(target,
                backup.directory() ? backup.path() : "", contents.entries());
        for (RepositoryFormat repository : repositories) {
            if (repository.encrypted() == null && spec.atRest() == Requirement.REQUIRED) {
                result.finding(new Finding(backup.id(), repository.evidence(),
                        PostureChecks.verdictFor(spec.unknown())));
            } else if (Boolean.FALSE.equals(repository.encrypted()) && spec.atRest() == Requirement.REQUIRED) {
                result.finding(Finding.fail(backup.id(), repository.evidence()));
            }
        }
        for (Entry entry : contents.entries()) {
            if (!entry.isFile() || ChecksumFileNames.isMetadataFile(entry.name())) {
                continue;
            }
            atRest.examined++;
            String item = backup.directory() ? backup.id() + "/" + contents.relativePath(entry) : entry.path();
            Optional<String> format;
            try {
                format = format(target, entry, repositories);
            } catch (UnansweredException e) {
                atRest.unanswered++;
                if (atRest.unanswered == 1) {
                    result.finding(new Finding(item, e.getMessage(), atRest.unknown));
                }
                continue;
            } catch (IOException e) {
                result.finding(Finding.error(item, "cannot read the file to tell whether it is encrypted: "
                        + IoErrors.describe(e)));
                continue;
            }
            if (format.isPresent()) {
                atRest.encrypted++;
                atRest.formats.merge(format.get(), 1, Integer::sum);
            } else {
                atRest.plaintext++;
                if (spec.atRest() == Requirement.REQUIRED) {
                    result.finding(Finding.fail(item, "not encrypted: its content is in no encrypted format this "
                            + "check knows (age, OpenPGP, openssl enc, restic/borg/kopia repository) and the "
                            + "store does not encrypt it"));
                }
            }
        }
    }

    /** A store that does not encrypt new files by default may store the next backup in plaintext. */
    private void storeDefault(Target target, CheckResult.Builder result, Status unknown) throws IOException {
        if (!(target instanceof StoreEncryption store)) {
            return;
        }
        try {
            Optional<String> byDefault = store.defaultEncryption();
            result.metric("storeDefaultEncryption", byDefault.orElse("none"));
            if (byDefault.isEmpty() && spec.atRest() == Requirement.REQUIRED) {
                result.finding(Finding.fail(target.description(), "the store does not encrypt new files by "
                        + "default: turn on default encryption"));
            }
        } catch (UnansweredException e) {
            result.metric("storeDefaultEncryption", "unknown");
            result.finding(new Finding(target.description(), e.getMessage(), unknown));
        }
    }

    private static Optional<String> format(Target target, Entry entry, List<RepositoryFormat> repositories)
            throws IOException {
        for (RepositoryFormat repository : repositories) {
            if (Boolean.TRUE.equals(repository.encrypted()) && repository.holds(entry.path())) {
                return Optional.of(repository.tool() + "-repository");
            }
        }
        if (target instanceof StoreEncryption store) {
            Optional<String> byStore = store.encryptionAtRest(entry.path());
            if (byStore.isPresent()) {
                return byStore;
            }
        }
        if (entry.size() == 0) {
            return Optional.empty();
        }
        byte[] head;
        try (InputStream in = target.open(entry.path())) {
            head = in.readNBytes(EncryptedContent.HEAD_BYTES);
        }
        return EncryptedContent.recognise(head, head.length);
    }

    private void keyAge(CheckContext context, CheckResult.Builder result, Status unknown) throws IOException {
        if (spec.maxKeyAge() == null) {
            return;
        }
        Target target = context.target();
        if (!(target instanceof KeyAges keys)) {
            result.finding(new Finding(target.description(), "maxKeyAge is set, but this target cannot tell when "
                    + "its encryption keys were made", unknown));
            return;
        }
        Map<String, Instant> created = keys.keysCreated();
        if (created.isEmpty()) {
            result.finding(new Finding(target.description(), "the store listed no encryption keys", unknown));
            return;
        }
        Duration max = spec.maxKeyAge().duration();
        Map<String, Long> ages = new TreeMap<>();
        for (Map.Entry<String, Instant> key : created.entrySet()) {
            Duration age = Duration.between(key.getValue(), context.now());
            ages.put(key.getKey(), age.toDays());
            if (age.compareTo(max) > 0) {
                result.finding(Finding.fail("key " + key.getKey(), "made " + age.toDays() + " days ago, older than "
                        + "maxKeyAge " + spec.maxKeyAge() + ": rotate it"));
            }
        }
        result.metric("keyAgeDays", ages);
    }

    private static final class AtRest {
        private final Status unknown;
        private long unanswered;
        private long examined;
        private long encrypted;
        private long plaintext;
        private final Map<String, Integer> formats = new TreeMap<>();

        AtRest(Status unknown) {
            this.unknown = unknown;
        }
    }
}
