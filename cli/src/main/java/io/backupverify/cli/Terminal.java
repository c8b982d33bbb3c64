package io.backupverify.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the process writes to: whether standard output and error are terminals, and how wide. */
final class Terminal {
    static final int STDOUT = 1;
    static final int STDERR = 2;
    private static final int DEFAULT_WIDTH = 100;
    private static final int MIN_WIDTH = 40;

    private Terminal() {
    }

    /**
     * Whether a standard stream is a terminal. On Linux the stream's file is read from /proc, so that
     * {@code verify plan > log} still shows progress on the terminal's standard error; elsewhere only a console
     * counts.
     */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String file = Files.readSymbolicLink(link).toString();
            return file.startsWith("/dev/pts/") || file.startsWith("/dev/tty") || file.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Colour for statuses: only on a terminal that is not dumb, and never with NO_COLOR set or --no-color. */
    static boolean colour(boolean noColorOption) {
        String noColor = System.getenv("NO_COLOR");
        return !noColorOption && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"))
                && isTerminal(STDOUT);
    }

    /** The terminal's width in columns ({@code COLUMNS}, else {@code stty}); 0 when output is not a terminal. */
    static int width() {
        if (!isTerminal(STDOUT)) {
            return 0;
        }
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}")) {
            return Math.max(MIN_WIDTH, Integer.parseInt(columns));
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(stty.getInputStream().readAllBytes()).trim().split("\\s+");
            if (stty.waitFor() == 0 && size.length == 2 && size[1].matches("\\d{1,4}")) {
                return Math.max(MIN_WIDTH, Integer.parseInt(size[1]));
            }
        } catch (IOException e) {
            return DEFAULT_WIDTH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }
}
