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
import java.util.TreeMap;
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
                SetLedger old;
                try {
                    old = read(set).orElse(SetLedger.empty(set));
                } catch (IOException damaged) {
                    old = SetLedger.empty(set);
                }
                write(merge(old, coverage, when, complete));
            }
        }
    }

    static SetLedger merge(SetLedger old, FileCoverage coverage, Instant when, boolean complete) {
        TreeMap<String, Long> entries = new TreeMap<>();
        if (!complete) {
            for (int i = 0; i < old.size(); i++) {
                entries.put(old.key(i), old.verifiedAtSeconds(i));
            }
        }
        for (String key : coverage.listed()) {
            entries.putIfAbsent(key, old.verifiedAtSeconds(key));
        }
        long seconds = when.getEpochSecond();
        for (String key : coverage.verified()) {
            entries.put(key, seconds);
        }
        String[] keys = entries.keySet().toArray(String[]::new);
        long[] times = entries.values().stream().mapToLong(Long::longValue).toArray();
        return new SetLedger(old.set(), when, keys, times);
    }

    @Override
    public Optional<SetLedger> read(String set) throws IOException {
        Path file = file(set);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a coverage ledger");
            }
            String name = in.readUTF();
            Instant updated = Instant.ofEpochSecond(in.readLong());
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("negative entry count");
            }
            String[] keys = new String[count];
            long[] times = new long[count];
            byte[] previous = new byte[0];
            for (int i = 0; i < count; i++) {
                int shared = (int) readVarLong(in);
                int suffix = (int) readVarLong(in);
                if (shared > previous.length || suffix < 0) {
                    throw new IOException("entry " + i + " is malformed");
                }
                byte[] bytes = Arrays.copyOf(previous, shared + suffix);
                in.readFully(bytes, shared, suffix);
                keys[i] = new String(bytes, StandardCharsets.UTF_8);
                times[i] = readVarLong(in) - 1;
                previous = bytes;
            }
            return Optional.of(new SetLedger(name, updated, keys, times));
        } catch (EOFException e) {
            throw new IOException("coverage ledger " + file + " is cut short");
        } catch (IOException e) {
            throw new IOException("coverage ledger " + file + " is damaged: " + e.getMessage());
        }
    }

    private void write(SetLedger ledger) throws IOException {
        Path file = file(ledger.set());
        Path temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
                out.writeInt(MAGIC);
                out.writeUTF(ledger.set());
                out.writeLong(ledger.updatedAt().getEpochSecond());
                out.writeInt(ledger.size());
                byte[] previous = new byte[0];
                for (int i = 0; i < ledger.size(); i++) {
                    byte[] bytes = ledger.key(i).getBytes(StandardCharsets.UTF_8);
                    int shared = sharedPrefix(previous, bytes);
                    writeVarLong(out, shared);
                    writeVarLong(out, bytes.length - shared);
                    out.write(bytes, shared, bytes.length - shared);
                    writeVarLong(out, ledger.verifiedAtSeconds(i) + 1);
                    previous = bytes;
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
