package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.Status;

/** The kinds of trouble integrity reports, each with its severity and the metric that counts it. */
enum Problem {
    /** A backup without checksums: no manifest or sidecar, a manifest listing nothing, or one not listing it. */
    NO_CHECKSUMS(Status.FAIL, "backupsWithoutChecksums", "backup without checksums", "backups without checksums"),
    /** A manifest line that could not be read, or a manifest that could not be read at all. */
    BAD_MANIFEST(Status.ERROR, "manifestProblems", "manifest problem", "manifest problems"),
    MISSING(Status.FAIL, "missingFiles", "missing file", "missing files"),
    CHANGED(Status.FAIL, "changedFiles", "changed file", "changed files"),
    TRUNCATED(Status.FAIL, "truncatedFiles", "truncated file", "truncated files"),
    /** A listed name that is not a regular file, leaves the backup or is a link out of it. */
    NOT_READ(Status.FAIL, "refusedEntries", "entry not read", "entries not read"),
    UNREADABLE(Status.ERROR, "unreadableFiles", "unreadable file", "unreadable files"),
    UNLISTED(Status.WARN, "unlistedFiles", "unlisted file", "unlisted files"),
    /** A file the storage keeps no usable checksum for, in mode stored: not verified, never a pass. */
    UNVERIFIED(Status.WARN, "unverifiedFiles", "file without a stored checksum", "files without a stored checksum"),
    OUTSIDE_LINK(Status.WARN, "outsideLinks", "link out of the backup", "links out of the backup"),
    /** Something worth knowing that does not make the backup bad, such as a sidecar naming another file. */
    NOTICE(Status.WARN, "notices", "notice", "notices"),
    /**
     * Worth knowing and nothing wrong, such as a manifest listing itself or naming files by absolute paths; it
     * never changes the verdict.
     */
    NOTE(Status.PASS, "notes", "note", "notes");

    private final Status severity;
    private final String metric;
    private final String singular;
    private final String plural;

    Problem(Status severity, String metric, String singular, String plural) {
        this.severity = severity;
        this.metric = metric;
        this.singular = singular;
        this.plural = plural;
    }

    Status severity() {
        return severity;
    }

    String metric() {
        return metric;
    }

    String plural() {
        return plural;
    }

    /** {@code 1 changed file}, {@code 3 changed files}. */
    String count(long count) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
