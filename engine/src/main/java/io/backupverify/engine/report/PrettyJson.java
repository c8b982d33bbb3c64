package io.backupverify.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Writes JSON laid out as Jackson's generator with its default pretty printer lays it out: objects one entry a line,
 * indented by two spaces a level, {@code "name" : value}, arrays on one line as {@code [ a, b ]}, {@code { }} and
 * {@code [ ]} when empty, no line break at the end. Text is escaped as Jackson escapes it: quotes, backslashes and
 * control characters (as {@code \n}, {@code \t}, {@code \r}, {@code \b}, {@code \f}, else {@code \}{@code u00XX});
 * nothing else. Numbers are written as {@code toString()} writes them, and a double or float that is not finite as
 * text ({@code "NaN"}). Creating Jackson's factory and generator costs a short command 25-30 ms of start-up, about
 * a twentieth of the whole; this costs next to nothing. {@code PrettyJsonTest} compares the two.
 */
final class PrettyJson implements AutoCloseable {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Writer out;
    private final String lineBreak = System.lineSeparator();
    /** Per open object or array, from the outermost: whether it is an object, and how many entries it has so far. */
    private boolean[] objects = new boolean[8];
    private int[] entries = new int[8];
    private int depth;
    /** How many objects are open: the indentation level. */
    private int nesting;

    PrettyJson(Writer out) {
        this.out = out;
    }

    void startObject() throws IOException {
        beforeValue();
        out.write('{');
        open(true);
        nesting++;
    }

    void endObject() throws IOException {
        nesting--;
        if (pop()) {
            indent();
        } else {
            out.write(' ');
        }
        out.write('}');
    }

    void startArray() throws IOException {
        beforeValue();
        out.write('[');
        open(false);
    }

    void endArray() throws IOException {
        pop();
        out.write(" ]");
    }

    /** The name of the next entry of the object open. */
    void name(String name) throws IOException {
        if (depth == 0 || !objects[depth - 1]) {
            throw new IllegalStateException("a name outside an object: " + name);
        }
        if (entries[depth - 1]++ > 0) {
            out.write(',');
        }
        indent();
        text(name);
        out.write(" : ");
    }

    void string(String value) throws IOException {
        beforeValue();
        if (value == null) {
            out.write("null");
        } else {
            text(value);
        }
    }

    void nullValue() throws IOException {
        beforeValue();
        out.write("null");
    }

    void bool(boolean value) throws IOException {
        beforeValue();
        out.write(value ? "true" : "false");
    }

    void number(long value) throws IOException {
        beforeValue();
        out.write(Long.toString(value));
    }

    void number(double value) throws IOException {
        if (Double.isFinite(value)) {
            beforeValue();
            out.write(Double.toString(value));
        } else {
            string(Double.toString(value));
        }
    }

    void number(float value) throws IOException {
        if (Float.isFinite(value)) {
            beforeValue();
            out.write(Float.toString(value));
        } else {
            string(Float.toString(value));
        }
    }

    void number(BigDecimal value) throws IOException {
        beforeValue();
        out.write(value.toString());
    }

    void number(BigInteger value) throws IOException {
        beforeValue();
        out.write(value.toString());
    }

    /** A value already written as JSON, as it is. */
    void raw(String json) throws IOException {
        beforeValue();
        out.write(json);
    }

    void field(String name, String value) throws IOException {
        name(name);
        string(value);
    }

    void field(String name, long value) throws IOException {
        name(name);
        number(value);
    }

    void nullField(String name) throws IOException {
        name(name);
        nullValue();
    }

    void objectField(String name) throws IOException {
        name(name);
        startObject();
    }

    void arrayField(String name) throws IOException {
        name(name);
        startArray();
    }

    /** Closes what is still open, as Jackson's generator does when closed, and the writer. */
    @Override
    public void close() throws IOException {
        while (depth > 0) {
            if (objects[depth - 1]) {
                endObject();
            } else {
                endArray();
            }
        }
        out.close();
    }

    /** In an array, the separator before its next value; in an object the name has written it. */
    private void beforeValue() throws IOException {
        if (depth > 0 && !objects[depth - 1]) {
            out.write(entries[depth - 1]++ > 0 ? ", " : " ");
        }
    }

    private void open(boolean object) {
        if (depth == objects.length) {
            objects = Arrays.copyOf(objects, depth * 2);
            entries = Arrays.copyOf(entries, depth * 2);
        }
        objects[depth] = object;
        entries[depth] = 0;
        depth++;
    }

    /** Closes the innermost object or array; returns whether it had entries. */
    private boolean pop() {
        depth--;
        return entries[depth] > 0;
    }

    private void indent() throws IOException {
        out.write(lineBreak);
        for (int i = 0; i < nesting; i++) {
            out.write("  ");
        }
    }

    private void text(String value) throws IOException {
        out.write('"');
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.write(value, start, i - start);
            start = i + 1;
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\t' -> out.write("\\t");
                case '\r' -> out.write("\\r");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                default -> {
                    out.write("\\u00");
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0xF]);
                }
            }
        }
        out.write(value, start, value.length() - start);
        out.write('"');
    }
}
