package io.backupverify.engine.history;

import io.backupverify.engine.check.FileCoverage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * When each listed file of each backup set was last read and verified: one compressed file per set, holding every
 * file the set's integrity check lists once, with the time it was last verified (not one entry per run). Names are
 * sorted and front-coded, times are variable-length seconds, and the whole is gzipped: a few bytes per file.
 *
 * <p>Updates take a lock file, read, merge and write a new file that is moved into place in one step, so runs of
 * the same set at the same time never lose each other's updates and readers never see half a ledger.
 */
public final class CoverageLedger implements CoverageSource {
    static final String FOLDER = "coverage";
    private static final int MAGIC = 0x42564c31; // "BVL1"
    private static final Object JVM_LOCK = new Object();

    private final Path folder;

    CoverageLedger(Path folder) {
        this.folder = folder;
    }

    /** The ledger kept in a folder of its own (a Jenkins job keeps one beside its builds). */
    public static CoverageLedger in(Path folder) {
        return new CoverageLedger(folder);
    }

    /** Merges each coverage of a run into its set's ledger. */
    public void update(List<SetCoverage> coverages, Instant when) throws IOException {
        for (SetCoverage coverage : coverages) {
            update(coverage.set(), coverage.coverage(), when, coverage.complete());
        }
    }

    /**
     * Merges one run's coverage into a set's ledger.
     *
     * @param complete whether the run's listing is the set's whole list of files: then files no longer listed are
     *                 dropped; otherwise (the check could not list everything) entries are only added or updated
     */
    public void update(String set, FileCoverage coverage, Instant when, boolean complete) throws IOException {
        Files.createDirectories(folder);
        synchronized (JVM_LOCK) {
            try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                Path old = Files.exists(file(set)) ? file(set) : null;
                Merged counted;
                try {
                    counted = merge(old, set, coverage, when, complete, Sink.NONE);
                } catch (IOException damaged) {
                    old = null;
                    counted = merge(null, set, coverage, when, complete, Sink.NONE);
                }
                write(old, counted, coverage, when, complete);
            }
        }
    }

    /** What a merge gave: the set's name as the ledger keeps it, and how many entries. */
    private record Merged(String set, int count) {
    }

    /** Receives the merged entries in key order. */
    @FunctionalInterface
    private interface Sink {
        Sink NONE = (key, seconds) -> { };

        void accept(String key, long seconds) throws IOException;
    }

    /**
     * Merges one run's coverage with a ledger file as both stream in key order, holding neither: a listed file
     * verified this run takes the run's time, one not verified keeps the time the ledger had for it (or none); a
     * file the ledger has but the run did not list is kept only when the run's listing was not complete.
     *
     * @param old the ledger file of the set, or null for none
     */
    private static Merged merge(Path old, String set, FileCoverage coverage, Instant when, boolean complete,
            Sink sink) throws IOException {
        long seconds = when.getEpochSecond();
        int[] count = new int[1];
        Sink counting = (key, time) -> {
            sink.accept(key, time);
            count[0]++;
        };
        try (LedgerReader before = old == null ? LedgerReader.EMPTY : new LedgerReader(old)) {
            coverage.forEachRead((key, read) -> {
                while (before.key() != null && before.key().compareTo(key) < 0) {
                    if (!complete) {
                        counting.accept(before.key(), before.seconds());
                    }
                    before.next();
                }
                long previous = -1;
                if (key.equals(before.key())) {
                    previous = before.seconds();
                    before.next();
                }
                // a file found changed is no longer covered by its older verification
                counting.accept(key, switch (read) {
                    case VERIFIED -> seconds;
                    case FAILED -> -1;
                    case NOT_READ -> previous;
                });
            });
            while (before.key() != null) {
                if (!complete) {
                    counting.accept(before.key(), before.seconds());
                }
                before.next();
            }
            return new Merged(old == null ? set : before.set(), count[0]);
        }
    }

    /**
     * A ledger file read one entry at a time, in its order: its keys ascending ({@link String#compareTo}), as every
     * version has written them; a file out of that order is damaged.
     */
    private static class LedgerReader implements AutoCloseable {
        static final LedgerReader EMPTY = new LedgerReader();

        private final Path file;
        private final DataInputStream in;
        private final String set;
        private final Instant updated;
        private final int count;
        private int read;
        private byte[] previous = new byte[0];
        private String key;
        private long seconds;

        private LedgerReader() {
            file = null;
            in = null;
            set = null;
            updated = null;
            count = 0;
        }

        LedgerReader(Path file) throws IOException {
            this.file = file;
            InputStream raw = Files.newInputStream(file);
            DataInputStream opened = null;
            try {
                opened = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)));
                if (opened.readInt() != MAGIC) {
                    throw new IOException("not a coverage ledger");
                }
                set = opened.readUTF();
                updated = Instant.ofEpochSecond(opened.readLong());
                count = opened.readInt();
                if (count < 0) {
                    throw new IOException("negative entry count");
                }
            } catch (IOException e) {
                raw.close();
                throw damaged(file, e);
            }
            in = opened;
            next();
        }

        String set() {
            return set;
        }

        Instant updated() {
            return updated;
        }

        int count() {
            return count;
        }

        /** The entry's key, or null after the last. */
        String key() {
            return key;
        }

        long seconds() {
            return seconds;
        }

        /** Moves to the next entry. */
        void next() throws IOException {
            if (read == count) {
                key = null;
                return;
            }
            try {
                int shared = (int) readVarLong(in);
                int suffix = (int) readVarLong(in);
                if (shared > previous.length || suffix < 0) {
                    throw new IOException("entry " + read + " is malformed");
                }
                byte[] bytes = Arrays.copyOf(previous, shared + suffix);
                in.readFully(bytes, shared, suffix);
                String next = new String(bytes, StandardCharsets.UTF_8);
                if (key != null && next.compareTo(key) <= 0) {
                    throw new IOException("entry " + read + " is out of order");
                }
                key = next;
                seconds = readVarLong(in) - 1;
                previous = bytes;
                read++;
            } catch (IOException e) {
                throw damaged(file, e);
            }
        }

        private static IOException damaged(Path file, IOException e) {
            if (e instanceof EOFException) {
                return new IOException("coverage ledger " + file + " is cut short");
            }
            return new IOException("coverage ledger " + file + " is damaged: " + e.getMessage());
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }

    @Override
    public Optional<SetLedger> read(String set) throws IOException {
        Path file = file(set);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (LedgerReader in = new LedgerReader(file)) {
            String[] keys = new String[in.count()];
            long[] times = new long[in.count()];
            for (int i = 0; in.key() != null; i++, in.next()) {
                keys[i] = in.key();
                times[i] = in.seconds();
            }
            return Optional.of(new SetLedger(in.set(), in.updated(), keys, times));
        }
    }

    /**
     * Writes the merge of a run's coverage with the set's ledger file (or null) into a new file, moved into place
     * in one step.
     */
    private void write(Path old, Merged merged, FileCoverage coverage, Instant when, boolean complete)
            throws IOException {
        Path file = file(merged.set());
        Path temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
                out.writeInt(MAGIC);
                out.writeUTF(merged.set());
                out.writeLong(when.getEpochSecond());
                out.writeInt(merged.count());
                byte[][] previous = {new byte[0]};
                Merged written = merge(old, merged.set(), coverage, when, complete, (key, seconds) -> {
                    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
                    int shared = sharedPrefix(previous[0], bytes);
                    writeVarLong(out, shared);
                    writeVarLong(out, bytes.length - shared);
                    out.write(bytes, shared, bytes.length - shared);
                    writeVarLong(out, seconds + 1);
                    previous[0] = bytes;
                });
                if (written.count() != merged.count()) {
                    throw new IOException("coverage ledger " + file + " changed while it was updated");
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The ledger file of a set: its name with anything but letters, digits, '.', '_' and '-' percent-encoded. */
    Path file(String set) {
        StringBuilder name = new StringBuilder();
        for (byte b : set.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || (c == '.' && name.length() > 0))) {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return folder.resolve(name + ".ledger");
    }

    static int sharedPrefix(byte[] a, byte[] b) {
        int max = Math.min(a.length, b.length);
        int i = 0;
        while (i < max && a[i] == b[i]) {
            i++;
        }
        // never split a UTF-8 sequence: back up to a character boundary
        while (i > 0 && i < b.length && (b[i] & 0xc0) == 0x80) {
            i--;
        }
        return i;
    }

    static void writeVarLong(DataOutputStream out, long value) throws IOException {
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.writeByte((int) ((rest & 0x7f) | 0x80));
            rest >>>= 7;
        }
        out.writeByte((int) rest);
    }

    static long readVarLong(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed number");
    }
}
