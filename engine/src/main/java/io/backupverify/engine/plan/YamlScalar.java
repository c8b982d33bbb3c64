package io.backupverify.engine.plan;

import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What a YAML scalar is, read as the YAML 1.1 rules SnakeYAML resolves tags by: text, a whole number, a decimal
 * number, true or false, or null. An empty value ({@code key:}) is the empty text; {@code ~} and {@code null} are
 * null; {@code yes}, {@code no}, {@code on}, {@code off} are true or false.
 */
record YamlScalar(Kind kind, String text, BigInteger number) {
    enum Kind { TEXT, WHOLE, DECIMAL, TRUE, FALSE, NULL }

    static YamlScalar of(ScalarNode node) {
        String text = node.getValue();
        if (text.isEmpty()) {
            return new YamlScalar(Kind.TEXT, text, null);
        }
        Tag tag = node.getTag();
        if (Tag.INT.equals(tag)) {
            BigInteger number = wholeNumber(text);
            return number == null ? new YamlScalar(Kind.TEXT, text, null) : new YamlScalar(Kind.WHOLE, text, number);
        }
        if (Tag.FLOAT.equals(tag)) {
            return new YamlScalar(Kind.DECIMAL, text, null);
        }
        if (Tag.BOOL.equals(tag)) {
            Boolean value = truth(text);
            if (value != null) {
                return new YamlScalar(value ? Kind.TRUE : Kind.FALSE, text, null);
            }
        }
        if (Tag.NULL.equals(tag)) {
            return new YamlScalar(Kind.NULL, text, null);
        }
        return new YamlScalar(Kind.TEXT, text, null);
    }

    /** Whether a decimal number is one no number type holds: {@code .inf} or {@code .nan}. */
    boolean isMalformedDecimal() {
        return kind == Kind.DECIMAL && text.toLowerCase(java.util.Locale.ROOT).matches("[-+]?\\.(inf|nan)");
    }

    private static Boolean truth(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "y", "yes", "on", "true" -> Boolean.TRUE;
            case "n", "no", "off", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A whole number as YAML 1.1 writes them (decimal, 0b binary, 0x hex, 0 octal, _ between digits), or null. */
    private static BigInteger wholeNumber(String text) {
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (i == text.length()) {
            return null;
        }
        int radix = 10;
        if (text.charAt(i) == '0' && i + 1 < text.length()) {
            char next = text.charAt(i + 1);
            if (next == 'b' || next == 'B') {
                radix = 2;
                i += 2;
            } else if (next == 'x' || next == 'X') {
                radix = 16;
                i += 2;
            } else if (Character.isDigit(next) || next == '_') {
                radix = 8;
                i += 1;
            } else {
                return null;
            }
        }
        String digits = text.substring(i).replace("_", "");
        if (digits.isEmpty()) {
            return null;
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            return negative ? value.negate() : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
