import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Where an integrity check's CPU time goes, per CPU second of one thread (so that the figures hardly depend on the
 * machine's load): the JDK's SHA-256 on bytes already in the processor's cache, and the same over the bench files
 * from the page cache, mapped (as backup-verify reads local files of 1 MiB and more) and read with read(2) (as it
 * reads smaller files and streams). The difference per GB is what reading costs on top of hashing.
 *
 * Then the same mapped reading and hashing on every processor at once, one thread per processor taking the next file,
 * in a JVM that has already compiled it: the wall time of all files, best and median of five passes. That is an
 * integrity check with nothing else in it (no JVM start, no listing, no manifest, no compiler still at work), the
 * most a check over these files can reach on this machine with the JDK's digest.
 *
 * Run with the source launcher: java bench/DigestRates.java DIR [THREADS]   (hashes every *.bin in DIR)
 */
public class DigestRates {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int CHUNK = 8 << 10;

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(args[0]))) {
            files = listing.filter(file -> file.toString().endsWith(".bin")).sorted().toList();
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        byte[] chunk = new byte[CHUNK];
        // The first pass of each way lets HotSpot compile it (with the SHA intrinsic); the second is measured.
        for (int pass = 0; pass < 2; pass++) {
            double memory = rate(bytes, () -> inMemory(chunk, bytesOf(files)));
            double mapped = rate(bytes, () -> files.forEach(file -> mapped(file, chunk)));
            double read = rate(bytes, () -> files.forEach(file -> read(file, chunk)));
            if (pass == 1) {
                System.out.printf("jdk-memory %.0f%n", memory);
                System.out.printf("jdk-mapped %.0f%n", mapped);
                System.out.printf("jdk-read %.0f%n", read);
            }
        }
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        double[] walls = new double[5];
        allProcessors(files, threads);
        for (int pass = 0; pass < walls.length; pass++) {
            walls[pass] = allProcessors(files, threads);
        }
        Arrays.sort(walls);
        System.out.printf("jdk-mapped-threads %d%n", threads);
        System.out.printf("jdk-mapped-wall-best %.3f%n", walls[0]);
        System.out.printf("jdk-mapped-wall-median %.3f%n", walls[walls.length / 2]);
    }

    /** Seconds for {@code threads} threads to map and hash every file, each taking the next file when done. */
    private static double allProcessors(List<Path> files, int threads) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                byte[] chunk = new byte[CHUNK];
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    mapped(files.get(i), chunk);
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** MB hashed per CPU second of this thread. */
    private static double rate(long bytes, Runnable work) {
        long start = THREADS.getCurrentThreadCpuTime();
        work.run();
        return bytes / 1e6 / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
    }

    private static long bytesOf(List<Path> files) {
        try {
            long total = 0;
            for (Path file : files) {
                total += Files.size(file);
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inMemory(byte[] chunk, long bytes) {
        MessageDigest digest = sha256();
        for (long done = 0; done < bytes; done += chunk.length) {
            digest.update(chunk, 0, (int) Math.min(chunk.length, bytes - done));
        }
        digest.digest();
    }

    private static void mapped(Path file, byte[] chunk) {
        MessageDigest digest = sha256();
        try (FileChannel channel = FileChannel.open(file)) {
            MappedByteBuffer region = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            while (region.hasRemaining()) {
                int step = Math.min(chunk.length, region.remaining());
                region.get(chunk, 0, step);
                digest.update(chunk, 0, step);
            }
            unmap(region);
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        digest.digest();
    }

    private static void read(Path file, byte[] ignored) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Releases the mapping now, as backup-verify does, rather than when the collector gets to it. */
    private static void unmap(ByteBuffer region) throws ReflectiveOperationException {
        Class<?> type = Class.forName("sun.misc.Unsafe");
        java.lang.reflect.Field field = type.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        type.getMethod("invokeCleaner", ByteBuffer.class).invoke(field.get(null), region);
    }
}
