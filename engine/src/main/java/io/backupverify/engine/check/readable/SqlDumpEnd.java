package io.backupverify.engine.check.readable;

import io.backupverify.engine.format.ContentFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A SQL dump is complete when its tool's closing comment is among its last lines: pg_dump writes
 * "-- PostgreSQL database dump complete" (pg_dumpall "... cluster dump complete"), mysqldump and mariadb-dump
 * "-- Dump completed" (followed by a date unless --skip-dump-date). A dump whose job died before the end has none.
 * Only comments, blank lines and psql's {@code \\unrestrict} may follow it: SQL after it is a further dump appended
 * to the file, which needs its own closing line.
 */
final class SqlDumpEnd {
    private static final int TAIL_BYTES = 4096;

    private SqlDumpEnd() {
    }

    static String check(InputStream in, ContentFormat format, byte[] buffer) throws IOException {
        String trailer = switch (format) {
            case PG_SQL -> "-- PostgreSQL database dump complete";
            case PG_CLUSTER_SQL -> "-- PostgreSQL database cluster dump complete";
            case MYSQL_SQL -> "-- Dump completed";
            default -> throw new IllegalArgumentException(format.name());
        };
        byte[] tail = new byte[TAIL_BYTES];
        int tailLength = 0;
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (n >= TAIL_BYTES) {
                System.arraycopy(buffer, n - TAIL_BYTES, tail, 0, TAIL_BYTES);
                tailLength = TAIL_BYTES;
            } else {
                int keep = Math.min(tailLength, TAIL_BYTES - n);
                System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                System.arraycopy(buffer, 0, tail, keep, n);
                tailLength = keep + n;
            }
        }
        String text = new String(tail, 0, tailLength, StandardCharsets.ISO_8859_1);
        boolean closed = false;
        boolean reopened = false;
        for (String line : text.split("\r?\n")) {
            if (line.startsWith(trailer)) {
                closed = true;
                reopened = false;
            } else if (closed && !followsTheClosingLine(line.strip())) {
                closed = false;
                reopened = true;
            }
        }
        if (closed) {
            return format.label() + ", complete";
        }
        if (reopened) {
            // a second dump appended to this one (a loop over databases, a re-run with >>) without its own end
            throw new BrokenFileException("the " + format.label() + " goes on with SQL after its closing line \""
                    + trailer + "\" and does not end with another one (" + total + " bytes of SQL): a dump "
                    + "appended to it was cut short or its job died before the end");
        }
        throw new BrokenFileException("the " + format.label() + " has no closing line \"" + trailer
                + "\" among its last lines (" + total + " bytes of SQL); the dump was cut short or its job died "
                + "before the end");
    }

    /** What a tool writes after its closing line: comments, blank lines and psql's {@code \\unrestrict}. */
    private static boolean followsTheClosingLine(String line) {
        return line.isEmpty() || line.startsWith("--") || line.startsWith("\\unrestrict ");
    }
}
