package io.backupverify.engine.report;

import java.util.Locale;

/**
 * Makes any text safe to carry in a report. Names of files on disk can hold characters that XML 1.0 cannot
 * carry at all (most control characters, unpaired surrogates, U+FFFE, U+FFFF); those are written as a visible
 * {@code \}{@code uXXXX} so that the report stays well-formed and the reader still sees what was there.
 */
final class ReportText {
    private ReportText() {
    }

    /** The text with every character XML 1.0 forbids replaced by its {@code \}{@code uXXXX} form; null becomes "". */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean allowed = isXmlChar(codePoint);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (allowed) {
                    out.appendCodePoint(codePoint);
                } else {
                    out.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** As {@link #printable}, and line breaks and tabs become spaces: for attribute values and one-line cells. */
    static String oneLine(String text) {
        return printable(text).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
