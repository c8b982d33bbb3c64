package io.backupverify.cli;

import io.backupverify.engine.report.HtmlReport;
import io.backupverify.engine.report.JUnitReport;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files whole or not at all: each goes to a temporary file that is then moved into place. The
 * files get the usual permissions of new files (the umask), as any report would. A device or pipe named as the report
 * (such as {@code /dev/null}) is written into, never replaced.
 */
final class ReportFiles {
    /** Writes one report format. */
    @FunctionalInterface
    interface Format {
        void write(RunResult run, Writer out) throws IOException;
    }

    static final Format JSON = (run, out) -> new JsonReport().write(run, out);
    static final Format JUNIT = (run, out) -> new JUnitReport().write(run, out);
    static final Format HTML = (run, out) -> new HtmlReport().write(run, out);

    private ReportFiles() {
    }

    /** Writes whatever a body writes to a text file. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    static void write(Path file, RunResult run, Format format) throws IOException {
        write(file, out -> format.write(run, out));
    }

    /**
     * Writes a report if a file was named; a failure is printed, not thrown.
     *
     * @return false when the report could not be written
     */
    static boolean tryWrite(Path file, Body body, PrintWriter err) {
        if (file == null) {
            return true;
        }
        try {
            write(file, body);
            return true;
        } catch (IOException e) {
            err.println("error: cannot write the report " + file + ": " + IoErrors.describe(e));
            return false;
        }
    }

    static void write(Path file, Body body) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute)) {
            // Through links, so that a link stays a link and the file it names gets the report.
            absolute = absolute.toRealPath();
            if (!Files.isRegularFile(absolute)) {
                // A device or pipe (/dev/null, /dev/stdout, a FIFO): written into, as a file moved over it would
                // replace it, and as root that would be /dev/null itself.
                try (Writer out = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8,
                        StandardOpenOption.WRITE)) {
                    body.write(out);
                }
                return;
            }
        }
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        // A random name that CREATE_NEW keeps from ever taking another writer's file; not UUID.randomUUID(), whose
        // SecureRandom costs the end of every run a few milliseconds to set up.
        Path temporary = folder.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
