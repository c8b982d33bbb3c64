package io.backupverify.cli;

import io.backupverify.engine.report.HtmlReport;
import io.backupverify.engine.report.JUnitReport;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.util.IoErrors;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
 * (such as {@code /dev/null}) is written into, never replaced. A report that cannot be written does not leave an
 * earlier run's in its place.
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
            emptyEarlier(file, err);
            return false;
        }
    }

    /**
     * Empties the report an earlier run left at {@code file} when this run's could not take its place (a full disk):
     * otherwise whatever reads the file next (a CI server's JUnit step, a dashboard reading the JSON) takes the
     * earlier run's verdict, often a PASS, for this one's. Emptying needs no space and keeps a link a link; an empty
     * report reads as broken, never as a pass. Devices and pipes are left alone.
     */
    private static void emptyEarlier(Path file, PrintWriter err) {
        Path absolute = file.toAbsolutePath();
        try {
            if (!Files.exists(absolute) || !Files.isRegularFile(absolute.toRealPath()) || Files.size(absolute) == 0) {
                return;
            }
            try (Writer out = Files.newBufferedWriter(absolute.toRealPath(), StandardCharsets.UTF_8,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                // nothing: the earlier report is emptied
            }
            err.println("error: the report an earlier run left at " + file + " was emptied, so that it is not taken "
                    + "for this run's");
        } catch (IOException e) {
            err.println("error: the report an earlier run left at " + file + " could not be emptied ("
                    + IoErrors.describe(e) + "): it is not this run's report");
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
            // The file itself is closed by its own try: a writer whose last flush fails (a full disk) leaves its
            // file open when it is closed, which would hold the deleted temporary file's space.
            try (OutputStream bytes = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
                    body.write(out);
                }
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
