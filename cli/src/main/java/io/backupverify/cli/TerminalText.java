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
        if (text == null || text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
