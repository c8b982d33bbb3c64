package io.backupverify.engine.check.reading;

import io.backupverify.engine.check.Progress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process of its own in which readers hash files mapped, the product's way, while another thread cuts them short
 * at random moments (truncated, rewritten in place as a shell's {@code >} does, or replaced by a rename) and a
 * third keeps the collector busy. Every read must end with a digest or an IOException. Runs at least the given
 * time and until the readers have met the given number of cuts (reads ended by an IOException), but no longer than
 * the cap, so that a slow or busy machine runs longer instead of meeting fewer cuts; then exits 0 and prints its
 * counts. Exits 3 on anything else a reader met. A JVM that ends itself (the JDK's "Cleaner terminated
 * abnormally", exit 1) is what {@link CutWhileHashingTest} looks for.
 *
 * <p>Arguments: folder, least milliseconds, cuts to meet, most milliseconds, readers, files, bytes a file, bytes
 * mapped at a time.
 */
public final class CutWhileHashing {
    private CutWhileHashing() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long leastMillis = Long.parseLong(args[1]);
        long cutsToMeet = Long.parseLong(args[2]);
        long mostMillis = Long.parseLong(args[3]);
        int readers = Integer.parseInt(args[4]);
        int files = Integer.parseInt(args[5]);
        int bytes = Integer.parseInt(args[6]);
        long window = Long.parseLong(args[7]);

        byte[] content = new byte[bytes];
        new Random(7).nextBytes(content);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            paths.add(Files.write(folder.resolve("f" + i + ".bin"), content));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong whole = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong cuts = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int seed = r;
            threads.add(new Thread(() -> read(paths, window, seed, running, whole, failed), "reader-" + r));
        }
        threads.add(new Thread(() -> cut(paths, content, running, cuts), "cutter"));
        threads.add(new Thread(() -> churn(running), "churn"));
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        long elapsed;
        do {
            Thread.sleep(100);
            elapsed = (System.nanoTime() - start) / 1_000_000;
        } while (elapsed < leastMillis || failed.get() < cutsToMeet && elapsed < mostMillis);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("whole=" + whole + " failed=" + failed + " cuts=" + cuts);
    }

    private static void read(List<Path> paths, long window, int seed, AtomicBoolean running, AtomicLong whole,
            AtomicLong failed) {
        Random random = new Random(seed);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Digests digests = new Digests(Progress.NONE, 64 << 10, window);
            while (running.get()) {
                Path path = paths.get(random.nextInt(paths.size()));
                digest.reset();
                try (FileChannel channel = FileChannel.open(path)) {
                    digests.update(digest, channel);
                    digest.digest();
                    whole.incrementAndGet();
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            }
        } catch (Throwable e) {
            System.out.println("reader met " + e);
            e.printStackTrace(System.out);
            System.exit(3);
        }
    }

    /** Cuts a random file in one of the ways a backup job rewriting it would, then puts its content back. */
    private static void cut(List<Path> paths, byte[] content, AtomicBoolean running, AtomicLong cuts) {
        Random random = new Random(11);
        try {
            while (running.get()) {
                Path path = paths.get(random.nextInt(paths.size()));
                switch (random.nextInt(3)) {
                    case 0 -> {
                        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                            channel.truncate(random.nextInt(content.length));
                            pause(random);
                            channel.write(ByteBuffer.wrap(content), 0);
                        }
                    }
                    case 1 -> {
                        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING)) {
                            pause(random);
                            ByteBuffer rest = ByteBuffer.wrap(content);
                            while (rest.hasRemaining()) {
                                channel.write(rest);
                            }
                        }
                    }
                    default -> {
                        Path next = path.resolveSibling(path.getFileName() + ".new");
                        Files.write(next, content);
                        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                cuts.incrementAndGet();
                pause(random);
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("cutter met " + e);
            System.exit(4);
        }
    }

    private static void pause(Random random) throws InterruptedException {
        Thread.sleep(0, random.nextInt(999_999));
    }

    /** Allocates without pause, so that collections (and their safepoints) come at any moment of a read. */
    private static void churn(AtomicBoolean running) {
        long sum = 0;
        while (running.get()) {
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[1024 + i];
            }
            sum += garbage[sum > 0 ? 1 : 2].length;
        }
        if (sum == 42) {
            System.out.println();
        }
    }
}
