package io.backupverify.cli;

import java.util.Locale;

/**
 * Text from the target (file and backup names) made safe to print: control characters, which a terminal or CI
 * log would obey (escape sequences, carriage returns, line breaks), are written as a visible {@code \}{@code uXXXX}.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String safe(String text) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
