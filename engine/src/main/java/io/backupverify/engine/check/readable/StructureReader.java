package io.backupverify.engine.check.readable;

import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.reading.CountingInput;
import io.backupverify.engine.format.Bzip2Streams;
import io.backupverify.engine.format.ContentFormat;
import io.backupverify.engine.format.GzipMembers;
import io.backupverify.engine.format.OpenPgpMessage;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.util.IoErrors;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Opens a file, tells its format by its first bytes and reads it to the end by that format: compressed streams
 * are decompressed (every member or frame, checksums included) and what they hold is told and read the same way.
 * One per reading thread; it reuses its buffer.
 */
final class StructureReader {
    /** pg_dump's directory format: the table of contents, and the data file of each table. */
    private static final String PG_TOC = "toc.dat";
    private static final java.util.regex.Pattern PG_DATA_FILE =
            java.util.regex.Pattern.compile("\\d+\\.dat(\\.gz|\\.lz4|\\.zst)?");

    /** Compression inside compression inside ... is read this deep, no deeper. */
    private static final int MAX_LAYERS = 4;

    private final Target target;
    private final Progress progress;
    private final byte[] buffer;
    /** What reading the current file noticed that is not wrong enough to fail it (gzip's zero padding). */
    private final List<String> warnings = new ArrayList<>();
    /** For a file whose structure was read whole but whose content cannot be (an encrypted message): what it is. */
    private String sealed;

    StructureReader(Target target, Progress progress, int bufferBytes) {
        this.target = target;
        this.progress = progress;
        this.buffer = new byte[bufferBytes];
    }

    /**
     * @param siblings the files in the same folder as this one (for pg_dump's directory format)
     */
    ReadOutcome read(String path, Siblings siblings) throws InterruptedIOException {
        List<String> layers = new ArrayList<>();
        warnings.clear();
        sealed = null;
        CountingInput file = null;
        try (InputStream raw = target.open(path)) {
            if (isPgDataFileWithoutToc(path, siblings)) {
                return new ReadOutcome(path, ReadOutcome.Result.BROKEN, "pg_dump data", "a data file of a pg_dump "
                        + "directory-format dump with no toc.dat beside it: pg_restore cannot restore the dump "
                        + "without it (pg_dump writes toc.dat first; a copy made in name order, such as rsync's, that "
                        + "was cut short or ran out of space loses it last)", 0, 0);
            }
            file = new CountingInput(new BufferedInputStream(raw, 64 << 10), progress);
            String found = readLayer(file, true, expectedLayers(name(path)), layers, siblings);
            file.flushProgress();
            if (found == null && file.position() == 0 && name(path).equals(PG_TOC)) {
                return new ReadOutcome(path, ReadOutcome.Result.BROKEN, "pg_dump archive", "the toc.dat of a pg_dump "
                        + "directory-format dump is empty: pg_restore cannot restore the dump", 0, 0);
            }
            if (found == null) {
                return new ReadOutcome(path, ReadOutcome.Result.UNKNOWN, String.join("+", layers),
                        sealed != null ? sealed : unknownDescription(file), 0, file.position());
            }
            return new ReadOutcome(path, ReadOutcome.Result.READ, String.join("+", layers), found, file.position(),
                    file.position(), String.join("; ", warnings));
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return unreadable(path, file, e);
        } catch (Siblings.SiblingUnreadableException e) {
            return unreadable(path, file, e);
        } catch (PgArchive.UnsupportedArchiveException e) {
            file.flushProgress();
            return new ReadOutcome(path, ReadOutcome.Result.UNKNOWN, String.join("+", layers), e.getMessage(), 0, file.position());
        } catch (BrokenFileException e) {
            file.flushProgress();
            boolean compressed = layers.stream().anyMatch(StructureReader::isCompression);
            return new ReadOutcome(path, ReadOutcome.Result.BROKEN, String.join("+", layers), prefix(layers) + e.getMessage()
                    + (compressed ? " (reading stopped at byte " + file.position() + " of the file)" : ""),
                    file.position(), file.position());
        } catch (IOException | RuntimeException e) {
            if (file == null || file.sourceFailure() != null) {
                return unreadable(path, file, e);
            }
            file.flushProgress();
            return new ReadOutcome(path, ReadOutcome.Result.BROKEN, String.join("+", layers), describeDecoderFailure(layers, e, file),
                    file.position(), file.position());
        }
    }

    private String readLayer(InputStream in, boolean top, List<ContentFormat> expected, List<String> layers,
            Siblings siblings) throws IOException {
        PeekedInput peeked = PeekedInput.peek(in, ContentFormat.HEAD_BYTES);
        ContentFormat format = ContentFormat.detect(peeked.head(), peeked.headLength());
        ContentFormat wanted = expected.isEmpty() ? null : expected.get(0);
        List<ContentFormat> rest = expected.isEmpty() ? expected : expected.subList(1, expected.size());
        if (format == ContentFormat.UNKNOWN || format == ContentFormat.EMPTY) {
            if (wanted != null) {
                throw new BrokenFileException("named as " + wanted.label() + " but "
                        + (format == ContentFormat.EMPTY ? "empty" : "does not begin as " + wanted.label() + " data"));
            }
            if (top) {
                if (format == ContentFormat.UNKNOWN && readSealed(peeked, layers)) {
                    return null;
                }
                if (format == ContentFormat.UNKNOWN && onlyZeros(peeked)) {
                    throw new BrokenFileException("holds nothing but zero bytes: no backup format is all zeros; its "
                            + "space was reserved or zeroed but its data never written (an interrupted copy that "
                            + "preallocated it, a crash before the data reached the disk). A file meant to hold only "
                            + "zeros (an image of an empty disk) can be left out with files");
                }
                return null;
            }
            drain(peeked);
            return format == ContentFormat.EMPTY ? "empty content" : "content of a format not read further";
        }
        layers.add(format.label());
        if (format.isCompression()) {
            if (layers.size() > MAX_LAYERS) {
                drain(peeked);
                return format.label() + " (not read further)";
            }
            try (InputStream decompressed = decompress(format, peeked)) {
                String inside = readLayer(decompressed, false, rest, layers, siblings);
                // What follows the content's own end (a tar's zero padding) is read too, so that the stream's
                // end, its checksums and any further members are checked.
                drain(decompressed);
                if (decompressed instanceof GzipMembers gzip && gzip.padding() > 0) {
                    warnings.add(prefix(layers) + "decompression OK, " + gzip.padding() + " trailing zero bytes "
                            + "ignored, as gzip ignores them (padding, such as tape or dd blocks leave); gzip -tv "
                            + "warns of them");
                }
                if (decompressed instanceof Bzip2Streams bzip2 && bzip2.trailing() > 0) {
                    warnings.add(prefix(layers) + bzip2.trailingWarning());
                }
                return format.label() + ", " + inside;
            }
        }
        return switch (format) {
            case TAR -> new TarWalker(peeked, top, buffer).walk();
            case ZIP -> new ZipWalker(peeked, buffer).walk();
            case PG_ARCHIVE -> new PgArchive(peeked, buffer).read(siblings);
            case PG_SQL, PG_CLUSTER_SQL, MYSQL_SQL -> SqlDumpEnd.check(peeked, format, buffer);
            default -> throw new IllegalStateException(format.name());
        };
    }

    /**
     * An encrypted message is walked to its end (a cut-short one fails), but what it holds stays unread: it is
     * reported as not checked, never as read, since a dump that died before it was encrypted looks whole here.
     */
    private boolean readSealed(PeekedInput peeked, List<String> layers) throws IOException {
        boolean armored = OpenPgpMessage.isArmored(peeked.head(), peeked.headLength());
        if (!armored && !OpenPgpMessage.isBinary(peeked.head(), peeked.headLength())) {
            return false;
        }
        layers.add("openpgp");
        sealed = armored ? OpenPgpWalker.walkArmored(peeked, buffer) : OpenPgpWalker.walkBinary(peeked, buffer);
        return true;
    }

    private static InputStream decompress(ContentFormat format, InputStream in) throws IOException {
        return switch (format) {
            case GZIP -> new GzipMembers(in);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case XZ -> new XZCompressorInputStream(in, true);
            case BZIP2 -> new Bzip2Streams(in);
            case LZ4 -> new FramedLZ4CompressorInputStream(in, true);
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    private void drain(InputStream in) throws IOException {
        while (in.read(buffer) >= 0) {
            // read to the end: the decoder below checks what it reads
        }
    }

    private static String describeDecoderFailure(List<String> layers, Exception e, CountingInput file) {
        String layer = layers.stream().filter(StructureReader::isCompression).reduce((a, b) -> b).orElse("file");
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof EOFException || message.toLowerCase(Locale.ROOT).contains("truncated")
                || message.toLowerCase(Locale.ROOT).contains("unexpected end")) {
            return prefix(layers) + "the " + layer + " stream ends at byte " + file.position()
                    + " before its end; the file was cut short";
        }
        return prefix(layers) + "the " + layer + " data is corrupt (" + message + ")" + afterLastFrame(message)
                + "; reading stopped at byte " + file.position();
    }

    /**
     * What the tool says of bytes after the last frame of zstd or lz4: unlike bzip2 and gzip, both fail on trailing
     * zeros or other data (exit 1, after writing all the data), and so does {@code tar --zstd} or {@code tar -I lz4}.
     */
    private static String afterLastFrame(String message) {
        if (message.equals("Unknown frame descriptor")) {
            return ": where a zstd frame should begin there are bytes that are not one (trailing zeros or other data "
                    + "after the last frame, or a damaged frame); zstd -t and zstd -d fail on them too (\"unsupported "
                    + "format\" or \"unknown header\", exit 1)";
        }
        if (message.equals("LZ4 frame stream followed by garbage")) {
            return ": bytes that are not an lz4 frame follow a frame (trailing zeros or other data, or a damaged "
                    + "frame); lz4 -t and lz4 -d fail on them too (\"Stream followed by undecodable data\" or "
                    + "\"Unrecognized header\", exit 1 or 40)";
        }
        return "";
    }

    private static String prefix(List<String> layers) {
        return layers.isEmpty() ? "" : "as " + String.join(" in ", reversed(layers)) + ": ";
    }

    private static List<String> reversed(List<String> layers) {
        List<String> copy = new ArrayList<>(layers);
        Collections.reverse(copy);
        return copy;
    }

    private static boolean isCompression(String label) {
        for (ContentFormat format : ContentFormat.values()) {
            if (format.label().equals(label)) {
                return format.isCompression();
            }
        }
        return false;
    }

    private static ReadOutcome unreadable(String path, CountingInput file, Exception e) {
        long at = file == null ? 0 : file.position();
        String reason = e instanceof IOException io ? IoErrors.describe(io) : String.valueOf(e.getMessage());
        return new ReadOutcome(path, ReadOutcome.Result.UNREADABLE, "", "cannot read: " + reason, at, at);
    }

    /**
     * Whether a file of no known format is zeros from start to end. Only a file whose first bytes are all zeros is
     * read on, and only up to its first byte that is not.
     */
    private boolean onlyZeros(PeekedInput in) throws IOException {
        int n;
        while ((n = in.read(buffer)) >= 0) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String unknownDescription(CountingInput file) {
        return file.position() == 0 ? "empty file; nothing to read" : "format not recognised by its content";
    }

    /**
     * Whether a file is a table's data file of a pg_dump directory-format dump ({@code 3344.dat.gz}, or an
     * uncompressed {@code 3344.dat} ending with COPY's end-of-data line) whose folder has no {@code toc.dat}.
     */
    private static boolean isPgDataFileWithoutToc(String path, Siblings siblings) throws IOException {
        String name = name(path);
        if (!PG_DATA_FILE.matcher(name).matches() || siblings.exists(PG_TOC)) {
            return false;
        }
        if (!name.endsWith(".dat")) {
            return true;
        }
        byte[] tail = siblings.tail(path.substring(path.lastIndexOf('/') + 1), 3);
        return java.util.Arrays.equals(tail, new byte[] {'\\', '.', '\n'});
    }

    private static String name(String path) {
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? path : path.substring(slash + 1)).toLowerCase(Locale.ROOT);
    }

    /** The formats a file's name promises, outermost first: {@code x.tar.gz} promises gzip, then tar. */
    static List<ContentFormat> expectedLayers(String name) {
        List<ContentFormat> layers = new ArrayList<>();
        String rest = name;
        while (true) {
            if (rest.endsWith(".tgz") || rest.endsWith(".taz")) {
                layers.add(ContentFormat.GZIP);
                layers.add(ContentFormat.TAR);
                return layers;
            }
            if (rest.endsWith(".tzst")) {
                layers.add(ContentFormat.ZSTD);
                layers.add(ContentFormat.TAR);
                return layers;
            }
            if (rest.endsWith(".txz")) {
                layers.add(ContentFormat.XZ);
                layers.add(ContentFormat.TAR);
                return layers;
            }
            if (rest.endsWith(".tbz2") || rest.endsWith(".tbz")) {
                layers.add(ContentFormat.BZIP2);
                layers.add(ContentFormat.TAR);
                return layers;
            }
            ContentFormat last = byExtension(rest);
            if (last == null) {
                return layers;
            }
            layers.add(last);
            if (!last.isCompression()) {
                return layers;
            }
            rest = rest.substring(0, rest.lastIndexOf('.'));
        }
    }

    private static ContentFormat byExtension(String name) {
        if (name.endsWith(".gz")) {
            return ContentFormat.GZIP;
        }
        if (name.endsWith(".zst")) {
            return ContentFormat.ZSTD;
        }
        if (name.endsWith(".xz")) {
            return ContentFormat.XZ;
        }
        if (name.endsWith(".bz2")) {
            return ContentFormat.BZIP2;
        }
        if (name.endsWith(".lz4")) {
            return ContentFormat.LZ4;
        }
        if (name.endsWith(".tar")) {
            return ContentFormat.TAR;
        }
        if (name.endsWith(".zip")) {
            return ContentFormat.ZIP;
        }
        return null;
    }
}
