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
 * Whether a local file (or one on a mounted share) changed between its listing and the end of its read. A file
 * rewritten in place while it is read, at the same size, as a job that writes over last night's file does, gives
 * bytes of no one version of it: its size or modification time then differs from its listing's, taken before the
 * read began, and nothing can be said of the backup from that read (an ERROR, never a PASS, and not a FAIL).
 * Other targets are not asked: an object store serves one version of an object per read.
 */
public final class ChangedWhileRead {
    /** What to do about a file that changed while it was read, for the end of a message. */
    public static final String ADVICE = "is the backup still being written? Check it again when nothing writes it";

    private ChangedWhileRead() {
    }

    /** How the file changed since it was listed ("when listed ...; after the read ..."), or null when it did not. */
    public static String since(Target target, Entry listed) throws IOException {
        Optional<Path> local = target.localPath(listed.path());
        if (local.isEmpty()) {
            return null;
        }
        BasicFileAttributes now = Files.readAttributes(local.get(), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        Instant modified = now.lastModifiedTime().toInstant();
        boolean sameTime = listed.modified() == null || listed.modified().equals(modified);
        if (now.size() == listed.size() && sameTime) {
            return null;
        }
        return "when listed " + listed.size() + " bytes, modified " + listed.modified() + "; after the read "
                + now.size() + " bytes, modified " + modified;
    }
}
