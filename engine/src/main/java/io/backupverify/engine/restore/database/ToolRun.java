package io.backupverify.engine.restore.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a database client tool ({@code pg_restore}, {@code psql}, {@code mariadb}) to its end or a time limit. Its
 * output is kept only as a bounded tail for messages; passwords travel in files or the environment, never in the
 * argument list, so nothing here can reveal one.
 */
final class ToolRun {
    /** How much of the tool's output is kept for messages. */
    private static final int TAIL_BYTES = 8 * 1024;

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;

    ToolRun(List<String> command, Map<String, String> environment, Path workDir) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
    }

    /**
     * How the run ended: its exit code (or that it was stopped at the limit), the tail of its output, and whether
     * the tool stopped reading its standard input before the feeder had written all of it.
     */
    record Outcome(int exitCode, boolean timedOut, String outputTail, boolean stoppedReading) {
        Outcome(int exitCode, boolean timedOut, String outputTail) {
            this(exitCode, timedOut, outputTail, false);
        }

        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The last lines of output that say what went wrong, for a message. */
        String lastLines(int count) {
            String[] lines = outputTail.strip().split("\\R");
            List<String> kept = new ArrayList<>();
            for (int i = Math.max(0, lines.length - count); i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    kept.add(lines[i].strip());
                }
            }
            return String.join(" / ", kept);
        }
    }

    /** The locale categories that {@code LC_ALL} overrides, messages aside. */
    private static final List<String> CATEGORIES = List.of("LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE",
            "LC_MONETARY", "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT",
            "LC_IDENTIFICATION");

    /**
     * Makes the tool's own messages English ({@code LC_MESSAGES=C}), whatever the machine's language: the restore
     * tells a server that cannot be reached (ERROR) from a dump that fails (FAIL) by their words. psql, pg_restore
     * and libpq are translated (a German machine says "Verbindung zum Server ... fehlgeschlagen"); {@code LANGUAGE}
     * is dropped, and {@code LC_ALL}, which would override {@code LC_MESSAGES}, is spread over the other categories
     * so that the character set and the rest of the locale stay as they were.
     */
    static void inEnglish(Map<String, String> environment) {
        String all = environment.remove("LC_ALL");
        if (all != null && !all.isEmpty()) {
            for (String category : CATEGORIES) {
                environment.put(category, all);
            }
        }
        environment.remove("LANGUAGE");
        environment.put("LC_MESSAGES", "C");
    }

    /** What the tool reads on its standard input. */
    @FunctionalInterface
    interface Feeder {
        void feed(OutputStream stdin) throws IOException;
    }

    Outcome run(Duration limit) throws IOException, InterruptedException {
        return run(limit, null);
    }

    /**
     * Runs the tool. With a feeder, the feeder writes its standard input on this thread while the output is
     * collected on another; an exception from the feeder stops the tool and is thrown.
     */
    Outcome run(Duration limit, Feeder feeder) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(environment);
        inEnglish(builder.environment());
        if (feeder == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process = builder.start();
        long deadline = System.nanoTime() + limit.toNanos();
        Tail tail = new Tail();
        Thread reader = new Thread(() -> tail.drain(process.getInputStream()), "tool-output");
        reader.setDaemon(true);
        reader.start();
        Watchdog watchdog = new Watchdog(process, deadline);
        Stdin stdin = feeder == null ? null : new Stdin(process.getOutputStream());
        try {
            if (feeder != null) {
                watchdog.start();
                try (stdin) {
                    feeder.feed(stdin);
                } catch (DumpContentException e) {
                    stop(process);
                    throw e;
                } catch (IOException e) {
                    if (!stdin.failed && process.isAlive() && !watchdog.fired) {
                        // reading the dump failed, not writing to the tool
                        stop(process);
                        throw e;
                    }
                    // the tool stopped reading (it failed, is failing, or was stopped): its exit status tells why
                }
            }
            long remaining = deadline - System.nanoTime();
            boolean finished = remaining > 0 && process.waitFor(remaining, TimeUnit.NANOSECONDS);
            if (!finished || watchdog.fired) {
                stop(process);
                reader.join(2000);
                return new Outcome(-1, true, tail.text());
            }
            reader.join(5000);
            return new Outcome(process.exitValue(), false, tail.text(), stdin != null && stdin.failed);
        } finally {
            watchdog.interrupt();
            if (process.isAlive()) {
                stop(process);
            }
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The tool's standard input, noting when a write fails because the tool no longer reads it (a broken pipe). */
    private static final class Stdin extends java.io.FilterOutputStream {
        private boolean failed;

        Stdin(OutputStream out) {
            super(out);
        }

        /** One operation on the pipe. */
        private interface PipeWrite {
            void run() throws IOException;
        }

        private void watched(PipeWrite write) throws IOException {
            try {
                write.run();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            watched(() -> out.write(b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            watched(() -> out.write(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            watched(out::flush);
        }

        @Override
        public void close() throws IOException {
            watched(out::close);
        }
    }

    /** Stops a tool that is still being fed when the limit passes, so the feeding thread does not block. */
    private static final class Watchdog extends Thread {
        private final Process process;
        private final long deadline;
        private volatile boolean fired;

        Watchdog(Process process, long deadline) {
            super("tool-watchdog");
            setDaemon(true);
            this.process = process;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            try {
                long remaining = deadline - System.nanoTime();
                if (remaining > 0 && process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
                    return;
                }
                fired = true;
                ToolRun.stop(process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Keeps the last bytes of a stream. */
    private static final class Tail {
        private final byte[] ring = new byte[TAIL_BYTES];
        private long total;

        void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    append(buffer, n);
                }
            } catch (IOException e) {
                // the process is gone; what was read is kept
            }
        }

        private synchronized void append(byte[] buffer, int n) {
            for (int i = 0; i < n; i++) {
                ring[(int) (total++ % TAIL_BYTES)] = buffer[i];
            }
        }

        synchronized String text() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = Math.max(0, total - TAIL_BYTES);
            for (long i = start; i < total; i++) {
                out.write(ring[(int) (i % TAIL_BYTES)]);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
