package io.backupverify.engine.restore.database;

import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.reading.CountingInput;
import io.backupverify.engine.format.GzipMembers;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams an SQL dump (plain or gzip-compressed) line by line into a client tool, leaving out the statements a
 * scratch database must not run, and checks at the end that the dump carries its tool's closing line — a dump whose
 * job died halfway has none, however well its first part restores.
 *
 * <p>Lines are passed through as bytes; only the start of a line (up to {@value #DECIDE_BYTES} bytes) is looked at.
 * A line left out is passed as an empty line, so that line N of what the tool reads is line N of the dump (after
 * the lines of {@link #preamble()}) and the tool's messages can be traced to the dump.
 */
abstract class SqlFeeder implements ToolRun.Feeder {
    static final int DECIDE_BYTES = 4096;
    private static final int TRAILER_WINDOW = 1024;

    private final DumpSource dump;
    private final String trailer;
    private final byte[] tail = new byte[TRAILER_WINDOW];
    private long bytesRead;

    SqlFeeder(DumpSource dump, String trailer) {
        this.dump = dump;
        this.trailer = trailer;
    }

    /**
     * What to do with a line, seen whole or by its first {@value #DECIDE_BYTES} bytes: the same string to pass it
     * as it is, another to pass that instead (of those first bytes), or null to leave it out.
     */
    protected String keep(String lineStart) throws DumpContentException {
        return lineStart;
    }

    /** Copies the dump's SQL to the tool: line by line through {@link #keep} by default. */
    protected void transfer(InputStream sql, OutputStream tool) throws IOException {
        pump(sql, tool);
    }

    /** What the tool reads before the dump: whole lines, none by default. */
    protected String preamble() {
        return "";
    }

    /** Bytes of SQL read (after decompression). */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void feed(OutputStream stdin) throws IOException {
        try (BufferedInputStream buffered = new BufferedInputStream(dump.open(), 1 << 16);
                CountingInput raw = new CountingInput(buffered, Progress.NONE);
                InputStream in = DumpDetector.isGzip(peek(buffered)) ? decompressed(raw) : raw) {
            stdin.write(preamble().getBytes(StandardCharsets.UTF_8));
            transfer(new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        remember(buffer, offset, n);
                    }
                    return n;
                }
            }, stdin);
        }
        if (!endsWithTrailer()) {
            throw new DumpContentException("the dump is cut short: it does not end with \"" + trailer
                    + "\", the line its tool writes last (" + bytesRead + " bytes of SQL read)");
        }
    }

    /**
     * Every member of a gzip file, as {@code gunzip} reads it (and the readable check and archive restores): a
     * damaged member after a complete one is an error, zero padding after the last is ignored. A failure that is not
     * the source's means the file is corrupt or cut short.
     */
    private InputStream decompressed(CountingInput raw) throws IOException {
        GzipMembers members = corruptUnlessSource(raw, () -> new GzipMembers(raw));
        return new FilterInputStream(members) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return corruptUnlessSource(raw, () -> members.read(buffer, offset, length));
            }
        };
    }

    /** A read of compressed data that may fail. */
    @FunctionalInterface
    private interface CompressedRead<T> {
        T call() throws IOException;
    }

    private <T> T corruptUnlessSource(CountingInput raw, CompressedRead<T> read) throws IOException {
        try {
            return read.call();
        } catch (IOException e) {
            if (raw.sourceFailure() != null || e instanceof InterruptedIOException) {
                throw e;
            }
            throw new DumpContentException("the compressed dump is cut short or corrupt after " + bytesRead
                    + " bytes of SQL (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + ")");
        }
    }

    private static byte[] peek(InputStream in) throws IOException {
        in.mark(2);
        byte[] magic = in.readNBytes(2);
        in.reset();
        return magic;
    }

    private void pump(InputStream in, OutputStream out) throws IOException {
        byte[] line = new byte[DECIDE_BYTES];
        int length = 0;
        boolean deciding = true;
        boolean keeping = true;
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("the restore was stopped");
            }
            int passFrom = 0;
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (deciding) {
                    if (b == '\n') {
                        decide(line, length, out);
                        out.write('\n');
                        length = 0;
                    } else if (length < DECIDE_BYTES) {
                        line[length++] = b;
                    } else {
                        keeping = decide(line, length, out);
                        deciding = false;
                        passFrom = i;
                    }
                } else if (b == '\n') {
                    out.write(buffer, keeping ? passFrom : i, keeping ? i + 1 - passFrom : 1);
                    deciding = true;
                    length = 0;
                }
            }
            if (!deciding && keeping && passFrom < n) {
                out.write(buffer, passFrom, n - passFrom);
            }
        }
        if (deciding && length > 0) {
            decide(line, length, out);
        }
        out.flush();
    }

    /** Writes the line's start as {@link #keep} says; whether the line is kept. */
    private boolean decide(byte[] line, int length, OutputStream out) throws IOException {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        String kept = keep(text);
        if (kept == null) {
            return false;
        }
        if (kept == text) {
            out.write(line, 0, length);
        } else {
            out.write(kept.getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    private void remember(byte[] buffer, int offset, int n) {
        bytesRead += n;
        if (n >= TRAILER_WINDOW) {
            System.arraycopy(buffer, offset + n - TRAILER_WINDOW, tail, 0, TRAILER_WINDOW);
        } else {
            System.arraycopy(tail, n, tail, 0, TRAILER_WINDOW - n);
            System.arraycopy(buffer, offset, tail, TRAILER_WINDOW - n, n);
        }
    }

    private boolean endsWithTrailer() {
        int used = (int) Math.min(bytesRead, TRAILER_WINDOW);
        String end = new String(tail, TRAILER_WINDOW - used, used, StandardCharsets.UTF_8);
        int at = end.lastIndexOf(trailer);
        if (at < 0) {
            return false;
        }
        // nothing but comments, blank lines and psql's unrestrict command may follow the closing line
        for (String rest : end.substring(at).split("\n")) {
            String line = rest.strip();
            if (!line.isEmpty() && !line.startsWith("--") && !line.startsWith("\\unrestrict ")) {
                return false;
            }
        }
        return true;
    }
}
