package io.backupverify.engine.restore.archive;

import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.check.reading.CountingInput;
import io.backupverify.engine.format.ContentFormat;
import io.backupverify.engine.format.TarPadding;
import io.backupverify.engine.plan.ArchiveRestoreSpec;
import io.backupverify.engine.restore.RestoreJob;
import io.backupverify.engine.restore.RestoreKind;
import io.backupverify.engine.restore.RestoreRefusedException;
import io.backupverify.engine.restore.Restored;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.util.ReadAheadInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * {@code kind: archive}: extracts every tar (plain, gzip, zstd, xz, bzip2) and zip archive of the backup into one
 * restored folder, formats told by content. Tar archives stream from the target; a zip is fetched into the
 * scratch folder first, because its directory is at its end. Hostile entries are refused by {@link SafeTree}.
 * Other data files of the backup are noted and not restored; a backup with no archive at all fails.
 */
public final class ArchiveRestoreKind implements RestoreKind<ArchiveRestoreSpec> {
    private static final int STREAM_BUFFER = 1 << 16;
    private static final int READ_AHEAD_CHUNK = 1 << 20;
    private static final int READ_AHEAD_CHUNKS = 4;
    private static final int UNIX_TYPE_MASK = 0170000;
    private static final int UNIX_REGULAR = 0100000;
    private static final int UNIX_DIRECTORY = 0040000;
    private static final int UNIX_SYMLINK = 0120000;

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public Class<ArchiveRestoreSpec> specType() {
        return ArchiveRestoreSpec.class;
    }

    @Override
    public Restored restore(ArchiveRestoreSpec spec, RestoreJob job) throws IOException {
        Path root = Files.createDirectory(job.scratch().resolve("restored"));
        AtomicLong archiveBytes = new AtomicLong();
        SafeTree tree = new SafeTree(root, spec.limits(), archiveBytes::get);
        BackupContents contents = job.contents();
        List<Finding> notes = new ArrayList<>();
        int archives = 0;
        List<String> others = new ArrayList<>();
        for (Entry entry : contents.entries()) {
            if (!entry.isFile() || ChecksumFileNames.isMetadataFile(entry.name())) {
                continue;
            }
            String name = contents.relativePath(entry);
            if (extract(job, entry, name, tree, archiveBytes, notes)) {
                archives++;
            } else {
                notes.add(Finding.warn(name, "not a tar or zip archive; not restored"));
                others.add(name);
            }
        }
        if (archives == 0) {
            throw new RestoreRefusedException(job.backup().id(), "no tar or zip archive in the backup to restore"
                    + (others.isEmpty() ? "" : "; not archives: " + String.join(", ", others)));
        }
        tree.finish();
        return Restored.folder(root, tree.files(), tree.bytes(), notes);
    }

    /** Extracts one file of the backup if it is an archive; false if it is not one. */
    private boolean extract(RestoreJob job, Entry entry, String name, SafeTree tree, AtomicLong archiveBytes,
            List<Finding> notes) throws IOException {
        try (BufferedInputStream raw = new BufferedInputStream(
                new ProgressCounter(ArchiveErrors.fromTarget(job.open(entry.path())), archiveBytes), STREAM_BUFFER)) {
            ContentFormat outer = peek(raw, name);
            if (outer == ContentFormat.ZIP) {
                extractZip(job, raw, name, tree, archiveBytes);
                return true;
            }
            if (ArchiveFormat.isCompression(outer)) {
                InputStream decompressed = ArchiveErrors.call(() -> ArchiveFormat.decompress(outer, raw), name);
                // decompressing on a thread of its own while this one writes the files, as tar -xz does with gzip
                try (BufferedInputStream buffered = new BufferedInputStream(new ReadAheadInputStream(decompressed,
                        READ_AHEAD_CHUNK, READ_AHEAD_CHUNKS, "archive-decompressor"), STREAM_BUFFER)) {
                    if (peek(buffered, name) != ContentFormat.TAR) {
                        return false;
                    }
                    extractTar(buffered, name, tree, notes);
                    return true;
                }
            }
            if (outer != ContentFormat.TAR) {
                return false;
            }
            extractTar(raw, name, tree, notes);
            return true;
        }
    }

    /** The format of what the stream starts with, leaving the stream where it was. */
    private static ContentFormat peek(BufferedInputStream in, String name) throws IOException {
        byte[] header = new byte[ArchiveFormat.HEADER_BYTES];
        in.mark(ArchiveFormat.HEADER_BYTES);
        int length = 0;
        while (length < header.length) {
            int offset = length;
            int read = ArchiveErrors.call(() -> in.read(header, offset, header.length - offset), name);
            if (read < 0) {
                break;
            }
            length += read;
        }
        in.reset();
        return ContentFormat.detect(header, length);
    }

    /**
     * Extracts a tar. Absolute names ({@code tar -P}) are restored below the scratch folder with their leading
     * {@code /} removed, as GNU tar extracts them (and the names hard links point to with them); a name with
     * {@code ..} is still refused, as GNU tar refuses it.
     */
    private static void extractTar(InputStream in, String archive, SafeTree tree, List<Finding> notes)
            throws IOException {
        CountingInput counted = new CountingInput(in, Progress.NONE);
        EndMarkedTarInputStream tar = new EndMarkedTarInputStream(counted);
        long entries = 0;
        long absolute = 0;
        while (true) {
            TarArchiveEntry entry = ArchiveErrors.call(tar::getNextEntry, archive);
            if (entry == null) {
                if (!tar.endMarkerRead()) {
                    // cut where an entry starts: what is there extracts cleanly, the entries after the cut are lost
                    throw new RestoreRefusedException(archive, "corrupt or cut short: the tar archive ends after "
                            + entries + (entries == 1 ? " entry" : " entries") + " without its end-of-archive marker");
                }
                checkAfterEnd(counted, tar.markerAt, entries, archive);
                break;
            }
            entries++;
            String item = archive + ": " + entry.getName();
            String name = withoutLeadingSlashes(entry.getName());
            if (!name.equals(entry.getName())) {
                absolute++;
            }
            if (entry.isSymbolicLink()) {
                tree.symbolicLink(name, item, entry.getLinkName());
            } else if (entry.isLink()) {
                tree.hardLink(name, item, withoutLeadingSlashes(entry.getLinkName()));
            } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
                tree.refuseType(item, "a device file");
            } else if (entry.isFIFO()) {
                tree.refuseType(item, "a FIFO (named pipe)");
            } else if (entry.isDirectory()) {
                tree.directory(name, item);
            } else if (isRegular(entry)) {
                tree.file(name, item, tar, (entry.getMode() & 0100) != 0, -1);
            } else {
                tree.refuseType(item, "an entry of unknown type '" + (char) entry.getLinkFlag() + "'");
            }
        }
        if (absolute > 0) {
            notes.add(new Finding(archive, absolute + (absolute == 1 ? " entry has" : " entries have")
                    + " an absolute name (tar -P): restored below the scratch folder with the leading '/' "
                    + "removed, as GNU tar extracts them", Status.PASS));
        }
    }

    /** A tar name without its leading {@code /}s; {@code "."} for the root folder itself. */
    private static String withoutLeadingSlashes(String name) {
        if (name == null || !name.startsWith("/")) {
            return name;
        }
        String relative = name.replaceFirst("^/+", "");
        return relative.isEmpty() ? "." : relative;
    }

    private static boolean isRegular(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return flag == TarArchiveEntry.LF_NORMAL || flag == TarArchiveEntry.LF_OLDNORM
                || flag == TarArchiveEntry.LF_CONTIG || entry.isSparse();
    }

    /** Fetches the zip from its open stream into the scratch folder, then extracts it from there. */
    private static void extractZip(RestoreJob job, InputStream in, String name, SafeTree tree,
            AtomicLong archiveBytes) throws IOException {
        Path fetched = Files.createDirectories(job.scratch().resolve("fetched")).resolve("archive.zip");
        Files.copy(in, fetched);
        try (ZipFile zip = ArchiveErrors.call(() -> ZipFile.builder().setPath(fetched).get(), name)) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry zipEntry = entries.nextElement();
                extractZipEntry(zip, zipEntry, name, tree);
            }
        } finally {
            Files.deleteIfExists(fetched);
        }
    }

    private static void extractZipEntry(ZipFile zip, ZipArchiveEntry entry, String archive, SafeTree tree)
            throws IOException {
        String item = archive + ": " + entry.getName();
        int type = entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? entry.getUnixMode() & UNIX_TYPE_MASK : 0;
        if (type == UNIX_SYMLINK) {
            String target = ArchiveErrors.call(() -> {
                try (InputStream in = zip.getInputStream(entry)) {
                    return new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
                }
            }, item);
            tree.symbolicLink(entry.getName(), item, target);
        } else if (entry.isDirectory() || type == UNIX_DIRECTORY) {
            tree.directory(entry.getName(), item);
        } else if (type != 0 && type != UNIX_REGULAR) {
            tree.refuseType(item, "a device file, FIFO or socket (Unix mode " + Integer.toOctalString(type) + ")");
        } else {
            if (!zip.canReadEntryData(entry)) {
                throw new RestoreRefusedException(item, "cannot be restored: encrypted or compressed with an "
                        + "unsupported method");
            }
            try (InputStream in = ArchiveErrors.call(() -> zip.getInputStream(entry), item)) {
                boolean executable = (entry.getUnixMode() & 0100) != 0;
                tree.file(entry.getName(), item, in, executable, entry.getCrc());
            }
        }
    }

    /**
     * After the end-of-archive marker, nothing but zeros padding the archive to its record ({@link TarPadding}): tar
     * stops at the marker and exits 0, so a longer run of zeros or other bytes hide entries it never extracts.
     */
    private static void checkAfterEnd(CountingInput rest, long markerAt, long entries, String archive)
            throws IOException {
        TarPadding.Trailer trailer = ArchiveErrors.call(() -> TarPadding.read(rest, rest.position(), new byte[8192]),
                archive);
        if (trailer.dataAt() >= 0) {
            throw new RestoreRefusedException(archive, "the tar archive holds data at byte " + trailer.dataAt()
                    + " after its end-of-archive marker at byte " + markerAt + ", where tar stops reading: only the "
                    + entries + " entries before it would be restored (blocks zeroed inside the archive, or a second "
                    + "archive appended)");
        }
        if (!trailer.isPadding(markerAt)) {
            throw new RestoreRefusedException(archive, "the tar archive ends after " + entries + " entries at byte "
                    + markerAt + " and is followed by " + (trailer.end() - markerAt) + " zero bytes, more than tar "
                    + "pads an archive with: the rest of it was zeroed or never written (a crash after its space was "
                    + "allocated, a copy that preallocated it); tar would restore only those entries");
        }
    }

    /**
     * A tar reader that tells whether the archive ended with its end-of-archive marker (a block of zeros) or simply
     * stopped, cut short where an entry starts or inside its header: the library takes both for the end; and where
     * the marker starts.
     */
    private static final class EndMarkedTarInputStream extends TarArchiveInputStream {
        private final CountingInput counted;
        private boolean endMarkerRead;
        private long markerAt = -1;

        EndMarkedTarInputStream(CountingInput in) {
            super(in);
            this.counted = in;
        }

        @Override
        protected byte[] readRecord() throws IOException {
            byte[] record = super.readRecord();
            if (record != null && isEOFRecord(record) && !endMarkerRead) {
                endMarkerRead = true;
                markerAt = counted.position() - record.length;
            }
            return record;
        }

        boolean endMarkerRead() {
            return endMarkerRead;
        }
    }

    /** Keeps the count of archive bytes read current for the ratio limit while streaming. */
    private static final class ProgressCounter extends java.io.FilterInputStream {
        private final AtomicLong total;

        ProgressCounter(InputStream in, AtomicLong total) {
            super(in);
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                total.incrementAndGet();
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                total.addAndGet(read);
            }
            return read;
        }
    }
}
