package io.backupverify.engine.check.reading;

import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a local file (or one on a mounted share, or on an SFTP server) changed between its listing and the end of
 * its read. A file rewritten in place while it is read, at the same size, as a job that writes over last night's
 * file does, gives bytes of no one version of it: its size or modification time then differs from its listing's,
 * taken before the read began, and nothing can be said of the backup from that read (an ERROR, never a PASS, and
 * not a FAIL).
 * A file on a server reached over SFTP is asked too ({@link Target#rewritableInPlace}), by a stat of it after the
 * read; other targets are not asked: an object store serves one version of an object per read.
 *
 * <p>A file smaller than {@link #ALWAYS_ASKED_FROM} is asked only when its read did not pass: it is read in well under
 * a millisecond, so a rewrite landing inside its read is rare, and one landing after a read that passed is no
 * different from one landing after the check. Asking after every read cost 9% more CPU time on 100,000 files of
 * 4 KiB (one file-attribute lookup each); larger files are always asked, at a cost too small to measure.
 */
public final class ChangedWhileRead {
    /** What to do about a file that changed while it was read, for the end of a message. */
    public static final String ADVICE = "is the backup still being written? Check it again when nothing writes it";

    private ChangedWhileRead() {
    }

    /** Files at least this large are asked whether they changed after every read, the others when it did not pass. */
    public static final long ALWAYS_ASKED_FROM = 1L << 20;

    /**
     * How the file changed since it was listed, after a read that {@code passed} or not; null when it did not change
     * or was not asked (see {@link #ALWAYS_ASKED_FROM}).
     */
    public static String afterRead(Target target, Entry listed, boolean passed) throws IOException {
        if (passed && listed.size() < ALWAYS_ASKED_FROM) {
            return null;
        }
        return since(target, listed);
    }

    /** How the file changed since it was listed ("when listed ...; after the read ..."), or null when it did not. */
    static String since(Target target, Entry listed) throws IOException {
        Optional<Path> local = target.localPath(listed.path());
        if (local.isPresent()) {
            BasicFileAttributes now = Files.readAttributes(local.get(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return difference(listed, now.isRegularFile(), now.size(), now.lastModifiedTime().toInstant());
        }
        if (!target.rewritableInPlace()) {
            return null;
        }
        Optional<Entry> now = target.stat(listed.path());
        if (now.isEmpty()) {
            return "when listed " + listed.size() + " bytes, modified " + listed.modified() + "; after the read "
                    + "it is gone";
        }
        return difference(listed, now.get().isFile(), now.get().size(), now.get().modified());
    }

    private static String difference(Entry listed, boolean file, long size, Instant modified) {
        boolean sameTime = listed.modified() == null || listed.modified().equals(modified);
        if (size == listed.size() && sameTime && (file || !listed.isFile())) {
            return null;
        }
        return "when listed " + listed.size() + " bytes, modified " + listed.modified() + "; after the read "
                + (file || !listed.isFile() ? size + " bytes" : "not a file") + ", modified " + modified;
    }
}
