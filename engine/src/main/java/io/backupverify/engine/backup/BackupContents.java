package io.backupverify.engine.backup;

import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.IntConsumer;

/**
 * What one backup holds: every entry below it (for a file backup, the file itself), with paths relative to the
 * target's root, in the order the target listed them.
 *
 * <p>A backup may hold hundreds of thousands of files and every check of the set shares its listing, so the
 * entries are kept in columns (paths as UTF-8 bytes after the backup's own folder, sizes, times, types) rather than
 * as objects: about 40 bytes per entry instead of about 150. {@link #entries()} and {@link #entry(int)} build each
 * {@link Entry} when asked for it.
 */
public final class BackupContents {
    private final Backup backup;
    /** What every path inside a folder backup starts with; stored paths leave it out. */
    private final String base;
    private final byte[] baseBytes;
    private final int count;
    private final byte[] names;
    /** Where each entry's stored name ends in {@link #names}; it starts where the one before ends. */
    private final int[] ends;
    private final long[] sizes;
    private final long[] seconds;
    /** -1 for an entry without a time. */
    private final int[] nanos;
    private final byte[] types;
    /** Entries whose path does not start with {@link #base}: their stored name is the whole path. */
    private final BitSet whole;
    private final Map<Integer, Link> links;
    private final long fileCount;
    private final long totalBytes;
    /** Positions sorted by path, made on the first look-up by path. */
    private int[] sorted;

    public BackupContents(Backup backup, List<Entry> entries) {
        this(collect(backup, entries));
    }

    private static Builder collect(Backup backup, List<Entry> entries) {
        Builder builder = builder(backup);
        entries.forEach(builder::add);
        return builder;
    }

    private BackupContents(Builder built) {
        this.backup = built.backup;
        this.base = built.base;
        this.baseBytes = built.baseBytes;
        this.count = built.count;
        this.names = Arrays.copyOf(built.names, built.nameBytes);
        this.ends = Arrays.copyOf(built.ends, count);
        this.sizes = Arrays.copyOf(built.sizes, count);
        this.seconds = Arrays.copyOf(built.seconds, count);
        this.nanos = Arrays.copyOf(built.nanos, count);
        this.types = Arrays.copyOf(built.types, count);
        this.whole = built.whole;
        this.links = built.links.isEmpty() ? Map.of() : Map.copyOf(built.links);
        this.fileCount = built.fileCount;
        this.totalBytes = built.totalBytes;
    }

    /** Collects a backup's entries one at a time, as a listing streams them. */
    public static Builder builder(Backup backup) {
        return new Builder(backup);
    }

    public Backup backup() {
        return backup;
    }

    /** The entries in listing order, as a read-only list that builds each entry when asked for it. */
    public List<Entry> entries() {
        return new Entries();
    }

    /** How many entries the backup holds (files, folders, links and others). */
    public int size() {
        return count;
    }

    /** The entry at a position of the listing order. */
    public Entry entry(int index) {
        Link link = links.get(index);
        Instant modified = nanos[index] < 0 ? null : Instant.ofEpochSecond(seconds[index], nanos[index]);
        return new Entry(path(index), type(index), sizes[index], modified, link == null ? null : link.target(),
                link != null && link.inside());
    }

    /** The size in bytes of the entry at a position. */
    public long sizeOf(int index) {
        return sizes[index];
    }

    /** The path, relative to the target's root, of the entry at a position. */
    public String path(int index) {
        int start = start(index);
        String stored = new String(names, start, ends[index] - start, StandardCharsets.UTF_8);
        return whole.get(index) ? stored : base + stored;
    }

    public EntryType type(int index) {
        return EntryType.values()[types[index]];
    }

    /**
     * Compares the path of the entry at a position with a path given as UTF-8 bytes, by unsigned bytes (the order
     * of code points), without building the path.
     */
    public int comparePath(int index, byte[] path) {
        int prefix = whole.get(index) ? 0 : baseBytes.length;
        int start = start(index);
        int length = prefix + ends[index] - start;
        int shared = Math.min(length, path.length);
        for (int i = 0; i < shared; i++) {
            int mine = (i < prefix ? baseBytes[i] : names[start + i - prefix]) & 0xff;
            int theirs = path[i] & 0xff;
            if (mine != theirs) {
                return mine - theirs;
            }
        }
        return length - path.length;
    }

    /** Compares the paths of two entries, by unsigned UTF-8 bytes as {@link #comparePath(int, byte[])}. */
    public int comparePaths(int first, int second) {
        if (!whole.get(first) && !whole.get(second)) {
            return Arrays.compareUnsigned(names, start(first), ends[first], names, start(second), ends[second]);
        }
        return comparePath(first, path(second).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position of the entry with this path (relative to the target's root), or -1 when the backup holds none.
     * A binary search over the positions sorted by path (by UTF-8 bytes), which the first look-up sorts: four bytes
     * an entry, shared by every check of the set.
     */
    public int positionOf(String path) {
        int[] order = sorted();
        byte[] wanted = path.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = order.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int compared = comparePath(order[middle], wanted);
            if (compared < 0) {
                low = middle + 1;
            } else if (compared > 0) {
                high = middle - 1;
            } else {
                return order[middle];
            }
        }
        return -1;
    }

    /** Visits the positions of the entries in the order of their paths (by UTF-8 bytes). */
    public void forEachInPathOrder(IntConsumer visitor) {
        for (int position : sorted()) {
            visitor.accept(position);
        }
    }

    private synchronized int[] sorted() {
        if (sorted == null) {
            int[] positions = new int[count];
            for (int i = 0; i < count; i++) {
                positions[i] = i;
            }
            sortByPath(positions);
            sorted = positions;
        }
        return sorted;
    }

    /** A stable merge sort of positions by their paths, without boxing them; listings of object stores come sorted. */
    private void sortByPath(int[] positions) {
        boolean inOrder = true;
        for (int i = 1; i < positions.length && inOrder; i++) {
            inOrder = comparePaths(positions[i - 1], positions[i]) <= 0;
        }
        if (inOrder) {
            return;
        }
        int[] work = new int[positions.length];
        for (int width = 1; width < positions.length; width *= 2) {
            for (int low = 0; low < positions.length; low += 2 * width) {
                int middle = Math.min(low + width, positions.length);
                int high = Math.min(low + 2 * width, positions.length);
                int left = low;
                int right = middle;
                for (int out = low; out < high; out++) {
                    if (left < middle && (right >= high || comparePaths(positions[left], positions[right]) <= 0)) {
                        work[out] = positions[left++];
                    } else {
                        work[out] = positions[right++];
                    }
                }
            }
            System.arraycopy(work, 0, positions, 0, positions.length);
        }
    }

    private int start(int index) {
        return index == 0 ? 0 : ends[index - 1];
    }

    public long fileCount() {
        return fileCount;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** The entry's path relative to the backup's folder (for a file backup, its name). */
    public String relativePath(Entry entry) {
        if (!backup.directory()) {
            return entry.name();
        }
        return entry.path().substring(backup.path().length() + 1);
    }

    private record Link(String target, boolean inside) {
    }

    private final class Entries extends AbstractList<Entry> implements RandomAccess {
        @Override
        public Entry get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            return entry(index);
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** Gathers entries into columns; {@link #build()} trims them to size. */
    public static final class Builder {
        private final Backup backup;
        private final String base;
        private final byte[] baseBytes;
        private int count;
        private byte[] names = new byte[1024];
        private int nameBytes;
        private int[] ends = new int[32];
        private long[] sizes = new long[32];
        private long[] seconds = new long[32];
        private int[] nanos = new int[32];
        private byte[] types = new byte[32];
        private final BitSet whole = new BitSet();
        private final Map<Integer, Link> links = new HashMap<>();
        private long fileCount;
        private long totalBytes;

        private Builder(Backup backup) {
            this.backup = backup;
            this.base = backup.directory() ? backup.path() + "/" : "";
            this.baseBytes = base.getBytes(StandardCharsets.UTF_8);
        }

        public void add(Entry entry) {
            if (count == ends.length) {
                int grown = count + (count >> 1) + 16;
                ends = Arrays.copyOf(ends, grown);
                sizes = Arrays.copyOf(sizes, grown);
                seconds = Arrays.copyOf(seconds, grown);
                nanos = Arrays.copyOf(nanos, grown);
                types = Arrays.copyOf(types, grown);
            }
            String path = entry.path();
            boolean inside = path.startsWith(base);
            byte[] name = (inside ? path.substring(base.length()) : path).getBytes(StandardCharsets.UTF_8);
            if (nameBytes + name.length > names.length) {
                names = Arrays.copyOf(names, Math.max(nameBytes + name.length, names.length + (names.length >> 1)));
            }
            System.arraycopy(name, 0, names, nameBytes, name.length);
            nameBytes += name.length;
            if (!inside) {
                whole.set(count);
            }
            ends[count] = nameBytes;
            sizes[count] = entry.size();
            seconds[count] = entry.modified() == null ? 0 : entry.modified().getEpochSecond();
            nanos[count] = entry.modified() == null ? -1 : entry.modified().getNano();
            types[count] = (byte) entry.type().ordinal();
            if (entry.linkTarget() != null || entry.linkInsideRoot()) {
                links.put(count, new Link(entry.linkTarget(), entry.linkInsideRoot()));
            }
            if (entry.isFile()) {
                fileCount++;
                totalBytes += entry.size();
            }
            count++;
        }

        public BackupContents build() {
            return new BackupContents(this);
        }
    }
}
