package io.backupverify.engine.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The ledger keys of a check's listed files, each with its place in the check's list (its row), kept in a few
 * bytes a key: runs of keys in ascending order, each run front-coded (the bytes a key shares with the one before
 * it are not stored again). Keys may come in any order; a key smaller than the one before starts a new run, and
 * runs of similar length are merged as they come, so that there are never more than about log2(keys) of them.
 * Read back in the ledger's order ({@link String#compareTo}), equal keys together.
 *
 * <p>Keys are added by one thread; once they are read, no more may be added.
 */
public final class CoverageKeys {
    private final List<Run> runs = new ArrayList<>();
    private Run open;
    private String last;
    private long count;

    /** Adds the key of the file at a row of the check's list. */
    public void add(String key, int row) {
        if (open == null || key.compareTo(last) < 0) {
            close();
            open = new Run();
        }
        open.append(key.getBytes(StandardCharsets.UTF_8), row);
        last = key;
        count++;
    }

    /** How many keys were added, equal ones included. */
    public long size() {
        return count;
    }

    /** Receives the keys in order. */
    @FunctionalInterface
    public interface Visitor<E extends Exception> {
        void visit(String key, int row) throws E;
    }

    /** Goes through every key added, in the ledger's order; equal keys in the order they were added. */
    public <E extends Exception> void forEach(Visitor<E> visitor) throws E {
        seal();
        if (runs.size() == 1) {
            Cursor cursor = runs.get(0).cursor(0);
            while (cursor.next()) {
                visitor.visit(cursor.key, cursor.row);
            }
            return;
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>();
        for (int at = 0; at < runs.size(); at++) {
            Cursor cursor = runs.get(at).cursor(at);
            if (cursor.next()) {
                heads.add(cursor);
            }
        }
        while (!heads.isEmpty()) {
            Cursor head = heads.poll();
            visitor.visit(head.key, head.row);
            if (head.next()) {
                heads.add(head);
            }
        }
    }

    /** How many bytes the keys take, for tests and benchmarks. */
    long bytes() {
        long bytes = open == null ? 0 : open.length;
        for (Run run : runs) {
            bytes += run.length;
        }
        return bytes;
    }

    /** Ends the keys' last run; after it, the keys may be read by any thread. */
    private synchronized void seal() {
        close();
    }

    private void close() {
        if (open == null) {
            return;
        }
        runs.add(open.trimmed());
        open = null;
        // Each run at most half as long as the one below it: few runs, and each key merged about log2(n) times.
        while (runs.size() >= 2 && runs.get(runs.size() - 2).keys <= 2L * runs.get(runs.size() - 1).keys) {
            Run newer = runs.remove(runs.size() - 1);
            Run older = runs.remove(runs.size() - 1);
            runs.add(merge(older, newer));
        }
    }

    private static Run merge(Run older, Run newer) {
        Run merged = new Run();
        Cursor a = older.cursor(0);
        Cursor b = newer.cursor(1);
        boolean hasA = a.next();
        boolean hasB = b.next();
        while (hasA || hasB) {
            // Equal keys: the older run's first, so that they stay in the order they came.
            if (hasA && (!hasB || a.key.compareTo(b.key) <= 0)) {
                merged.append(a.bytes, a.keyLength, a.row);
                hasA = a.next();
            } else {
                merged.append(b.bytes, b.keyLength, b.row);
                hasB = b.next();
            }
        }
        return merged.trimmed();
    }

    /**
     * Keys in ascending order. Each key: the number of bytes shared with the key before, the number of bytes that
     * follow, those bytes, and the row as the difference from the row before (zig-zag), all numbers as varints.
     */
    private static final class Run {
        private byte[] data = new byte[256];
        private int length;
        private long keys;
        private byte[] previous = new byte[0];
        private int previousLength;
        private int previousRow;

        void append(byte[] key, int row) {
            append(key, key.length, row);
        }

        void append(byte[] key, int keyLength, int row) {
            int shared = 0;
            int max = Math.min(previousLength, keyLength);
            while (shared < max && previous[shared] == key[shared]) {
                shared++;
            }
            int suffix = keyLength - shared;
            ensure(15 + suffix);
            putVarInt(shared);
            putVarInt(suffix);
            System.arraycopy(key, shared, data, length, suffix);
            length += suffix;
            int delta = row - previousRow;
            putVarInt((delta << 1) ^ (delta >> 31));
            if (previous.length < keyLength) {
                previous = Arrays.copyOf(previous, Math.max(keyLength, previous.length * 2));
            }
            System.arraycopy(key, shared, previous, shared, suffix);
            previousLength = keyLength;
            previousRow = row;
            keys++;
        }

        private void ensure(int more) {
            if (length + more > data.length) {
                data = Arrays.copyOf(data, Math.max(length + more, data.length + (data.length >> 1)));
            }
        }

        private void putVarInt(int value) {
            int rest = value;
            while ((rest & ~0x7f) != 0) {
                data[length++] = (byte) ((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            data[length++] = (byte) rest;
        }

        /** This run with no room kept for more keys (none can be added any more). */
        Run trimmed() {
            data = Arrays.copyOf(data, length);
            previous = null;
            return this;
        }

        Cursor cursor(int order) {
            return new Cursor(this, order);
        }
    }

    /** Reads a run's keys one at a time. */
    private static final class Cursor implements Comparable<Cursor> {
        private final Run run;
        private final int order;
        private int at;
        private byte[] bytes = new byte[64];
        private int keyLength;
        String key;
        int row;

        Cursor(Run run, int order) {
            this.run = run;
            this.order = order;
        }

        boolean next() {
            if (at >= run.length) {
                return false;
            }
            int shared = varInt();
            int suffix = varInt();
            if (bytes.length < shared + suffix) {
                bytes = Arrays.copyOf(bytes, Math.max(shared + suffix, bytes.length * 2));
            }
            System.arraycopy(run.data, at, bytes, shared, suffix);
            at += suffix;
            keyLength = shared + suffix;
            int zigzag = varInt();
            row += (zigzag >>> 1) ^ -(zigzag & 1);
            key = new String(bytes, 0, keyLength, StandardCharsets.UTF_8);
            return true;
        }

        private int varInt() {
            int value = 0;
            for (int shift = 0;; shift += 7) {
                byte b = run.data[at++];
                value |= (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        @Override
        public int compareTo(Cursor other) {
            int compared = key.compareTo(other.key);
            return compared != 0 ? compared : Integer.compare(order, other.order);
        }
    }
}
