package io.backupverify.cli;

import io.backupverify.engine.check.Status;

/**
 * How the summary is printed: with colour or without, wrapped to a width or not (0), everything or only the
 * problems and the verdict.
 */
record SummaryStyle(boolean colour, int width, boolean quiet) {
    static final SummaryStyle PLAIN = new SummaryStyle(false, 0, false);

    private static final String RESET = "\u001b[0m";

    /** The status word, coloured when colour is on. */
    String status(Status status) {
        return paint(status, status.name());
    }

    /** A finding's label ({@code FAIL}, {@code NOTE}, ...) in its severity's colour. */
    String paint(Status status, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (status) {
            case PASS -> "\u001b[32m";
            case WARN -> "\u001b[33m";
            case FAIL -> "\u001b[1;31m";
            case ERROR -> "\u001b[1;35m";
        };
        return code + text + RESET;
    }
}
