package io.backupverify.engine.restore.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Copies a MySQL/MariaDB dump to the {@code mariadb} client statement by statement, so that nothing in it can
 * switch to, create, drop or alter another database than the scratch one the client was started in.
 *
 * <p>The statements are found as the client and the server find them: outside quotes ({@code '}, {@code "},
 * {@code `}) and comments ({@code #}, {@code -- }, {@code /* *}{@code /}), at the client's delimiter (which the
 * dump may change with {@code DELIMITER}) and at every {@code ;} (the server runs several statements sent at once).
 * The start of every statement is read in two ways, with the content of conditional comments
 * ({@code /*!40000 ... *}{@code /}, {@code /*M!100100 ... *}{@code /}) run, as a server of that version or newer
 * does, and left out, as an older one does; what either reading finds decides:
 * <ul>
 * <li>{@code USE}, {@code CREATE [OR REPLACE] DATABASE|SCHEMA} and {@code DROP DATABASE|SCHEMA} are left out (the
 * lines stay, empty, so line numbers still match the dump); the first database named is the dump's, another one is
 * a dump of several databases, which a restore test cannot restore (ERROR);</li>
 * <li>{@code ALTER DATABASE name ...} of the dump's database loses the name, so it alters the scratch database;</li>
 * <li>a statement that sets {@code NO_BACKSLASH_ESCAPES} or that starts inside a conditional comment and names a
 * database could make the server read the dump otherwise than this filter: ERROR, nothing of it is sent.</li>
 * </ul>
 * Client commands other than {@code DELIMITER}, {@code \C} and {@code \-} are refused by the client, which runs with
 * {@code --binary-mode} (the restore then FAILs).
 */
final class MysqlStatementFilter {
    /** How much of a statement's start is held back before it is known to be harmless. */
    private static final int HEAD_LIMIT = 1 << 20;
    private static final byte[] NO_BACKSLASH_ESCAPES = "NO_BACKSLASH_ESCAPES".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> ALTER_OPTIONS = Set.of("DEFAULT", "CHARACTER", "CHARSET", "COLLATE",
            "COMMENT");

    private enum Mode { HEAD, PASS, DROP }

    private enum Kind { SAFE, UNDECIDED, USE, CREATE, DROP, ALTER }

    /** A word or quoted name at a statement's start; {@code conditional} when inside a conditional comment. */
    private record Token(String text, boolean quoted, boolean conditional, int start, int end) {
        boolean is(String... words) {
            return !quoted && Arrays.asList(words).contains(text.toUpperCase(Locale.ROOT));
        }
    }

    private record Reading(Kind kind, Token name) {
    }

    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    private final List<byte[]> delimiters = new ArrayList<>(List.of(new byte[] {';'}));
    private boolean inConditional;
    private boolean lineStart = true;

    private Mode mode = Mode.HEAD;
    private byte[] pending = new byte[4096];
    private int pendingLength;
    private final List<Token> tokens = new ArrayList<>();
    private boolean startedInConditional;
    private int escapesMatched;
    private boolean mentionsNoBackslashEscapes;
    private String database;

    MysqlStatementFilter(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** The database the dump named, if any. */
    String namedDatabase() {
        return database;
    }

    /** Copies the whole dump. */
    void run() throws IOException {
        int c;
        while ((c = peek(0)) >= 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("the restore was stopped");
            }
            int delimiter = delimiterAt();
            if (delimiter > 0) {
                endStatement(delimiter);
            } else if (c == ';') {
                endStatement(1);
            } else if (c == '\'' || c == '"' || c == '`') {
                quoted(c);
            } else if (c == '#' || c == '-' && peek(1) == '-' && peek(2) <= ' ') {
                // "--" followed by a space or control character, or at the end, opens a comment as "#" does
                untilLineEnd();
            } else if (c == '/' && peek(1) == '*') {
                comment();
            } else if (c == '*' && peek(1) == '/' && inConditional) {
                code(2);
                inConditional = false;
            } else if (c == '\\') {
                clientCommand();
            } else if (isWordByte(c)) {
                word();
            } else if (isSpace(c)) {
                whitespace();
            } else {
                code(1);
            }
        }
        if (mode == Mode.HEAD) {
            decide(true);
        }
        finishStatement();
        out.flush();
    }

    private void whitespace() throws IOException {
        int c = take();
        if (c == '\n') {
            lineStart = true;
        }
    }

    private void code(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            take();
        }
        lineStart = false;
    }

    private void word() throws IOException {
        boolean delimiterCommand = lineStart;
        int start = pendingLength;
        StringBuilder text = new StringBuilder();
        while (isWordByte(peek(0)) && delimiterAt() == 0) {
            text.append((char) take());
        }
        lineStart = false;
        if (delimiterCommand && text.toString().equalsIgnoreCase("delimiter") && isSpace(peek(0))) {
            delimiterCommand();
            return;
        }
        token(new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), false,
                start);
    }

    /**
     * The client's {@code DELIMITER x} (the client takes it at a line's start when no statement is under way; taken
     * here at any line's start): the first word of the rest of the line is the new delimiter. Every delimiter the
     * dump ever named stays a statement end here, besides {@code ;}: one too many only makes this filter look at more
     * statement starts. So that a line taken here for the command but sent to the server hides no statement, the
     * delimiter may hold no letter, digit, quote or backslash and nothing may follow it on its line.
     */
    private void delimiterCommand() throws IOException {
        StringBuilder rest = new StringBuilder();
        while (peek(0) >= 0 && peek(0) != '\n') {
            rest.append((char) take());
        }
        String[] words = rest.toString().strip().split("\\s+");
        String value = words[0];
        if (words.length > 1 || value.isEmpty() || !value.matches("[^\\p{Alnum}'\"`\\\\\\x80-\\xff]+")) {
            throw new DumpContentException.NotTestable("the dump sets a delimiter mariadb-dump never writes "
                    + "(DELIMITER" + rest + "): the restore test cannot tell where its statements end, so it cannot "
                    + "keep them in the scratch database");
        }
        delimiters.add(value.getBytes(StandardCharsets.ISO_8859_1));
        // the line is the client's: what follows it is a new statement
        if (mode == Mode.HEAD) {
            flushPending();
        }
        startStatement();
    }

    private void quoted(int quote) throws IOException {
        int start = pendingLength;
        take();
        lineStart = false;
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = peek(0)) >= 0) {
            take();
            if (c == quote) {
                if (peek(0) != quote) {
                    break;
                }
                take();
            } else if (c == '\\' && quote != '`' && peek(0) >= 0) {
                c = take();
                if (c == '"' && quote == '"') {
                    throw new DumpContentException.NotTestable("the dump has \\\" inside a name or string in "
                            + "double quotes, which the server reads as its end with ANSI_QUOTES and the client as an "
                            + "escaped quote: the restore test cannot tell where its statements end");
                }
            }
            if (text.length() < 256) {
                text.append((char) c);
            }
        }
        token(new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), true,
                start);
    }

    private void untilLineEnd() throws IOException {
        while (peek(0) >= 0 && peek(0) != '\n') {
            take();
        }
    }

    private void comment() throws IOException {
        lineStart = false;
        take();
        take();
        boolean conditional = peek(0) == '!' || peek(0) == 'M' && peek(1) == '!';
        if (conditional && !inConditional) {
            if (peek(0) == 'M') {
                take();
            }
            take();
            while (isDigit(peek(0))) {
                take();
            }
            inConditional = true;
            return;
        }
        int c;
        while ((c = peek(0)) >= 0) {
            take();
            if (c == '*' && peek(0) == '/') {
                take();
                return;
            }
        }
    }

    /**
     * A backslash outside quotes is a client command. With {@code --binary-mode} the client obeys only {@code \C}
     * (a character set, the rest of the line) and {@code \-} (its sandbox); it refuses the others.
     */
    private void clientCommand() throws IOException {
        take();
        int command = peek(0);
        if (command == 'C') {
            untilLineEnd();
        } else if (command == '-') {
            take();
        }
        lineStart = false;
    }

    private void endStatement(int length) throws IOException {
        if (mode == Mode.HEAD) {
            decide(true);
        }
        for (int i = 0; i < length; i++) {
            take();
        }
        finishStatement();
        startStatement();
        lineStart = false;
    }

    private void finishStatement() throws IOException {
        if (mentionsNoBackslashEscapes) {
            throw new DumpContentException.NotTestable("the dump sets NO_BACKSLASH_ESCAPES, which changes where "
                    + "its quoted strings end: the restore test cannot keep its statements in the scratch database");
        }
    }

    private void startStatement() {
        mode = Mode.HEAD;
        pendingLength = 0;
        tokens.clear();
        startedInConditional = inConditional;
        escapesMatched = 0;
        mentionsNoBackslashEscapes = false;
    }

    private void token(String text, boolean quoted, int start) throws IOException {
        if (mode != Mode.HEAD) {
            return;
        }
        tokens.add(new Token(text, quoted, inConditional, start, pendingLength));
        decide(false);
    }

    /** Decides what to do with the statement from its start, once both readings tell. */
    private void decide(boolean complete) throws IOException {
        Reading run = read(tokens, complete);
        Reading skipped = read(tokens.stream().filter(token -> !token.conditional()).toList(), complete);
        boolean undecided = run.kind() == Kind.UNDECIDED || skipped.kind() == Kind.UNDECIDED;
        if (undecided && !complete) {
            if (pendingLength > HEAD_LIMIT) {
                throw new DumpContentException.NotTestable("a statement of the dump begins with "
                        + HEAD_LIMIT + " bytes that do not tell whether it names a database: the restore test "
                        + "cannot keep it in the scratch database");
            }
            return;
        }
        Reading named = isNaming(run) ? run : isNaming(skipped) ? skipped : null;
        if (named == null) {
            flushPending();
            mode = Mode.PASS;
            return;
        }
        String what = firstWords();
        if (startedInConditional) {
            throw new DumpContentException.NotTestable("a statement of the dump (" + what + " ...) that names a "
                    + "database starts inside a conditional comment (/*! ... */), which mariadb-dump never writes: "
                    + "the restore test cannot keep it in the scratch database");
        }
        for (Reading reading : List.of(run, skipped)) {
            if (reading.name() != null) {
                name(reading.name().text());
            }
        }
        if (named.kind() == Kind.ALTER) {
            if (run.kind() != Kind.ALTER || skipped.kind() != Kind.ALTER || run.name() != skipped.name()) {
                throw new DumpContentException.NotTestable("the dump's statement " + what + " ... alters a "
                        + "database named in a conditional comment: the restore test cannot keep it in the scratch "
                        + "database");
            }
            // without a name, ALTER DATABASE alters the database in use: the scratch one
            Arrays.fill(pending, named.name().start(), named.name().end(), (byte) ' ');
            flushPending();
            mode = Mode.PASS;
            return;
        }
        for (int i = 0; i < pendingLength; i++) {
            if (pending[i] == '\n') {
                out.write('\n');
            }
        }
        pendingLength = 0;
        mode = Mode.DROP;
    }

    private static boolean isNaming(Reading reading) {
        return reading.kind() != Kind.SAFE && reading.kind() != Kind.UNDECIDED;
    }

    private String firstWords() {
        return String.join(" ", tokens.stream().limit(3).map(Token::text).toList());
    }

    /** What a statement beginning with these tokens does to databases. */
    private static Reading read(List<Token> tokens, boolean complete) {
        Reading undecided = new Reading(complete ? Kind.SAFE : Kind.UNDECIDED, null);
        if (tokens.isEmpty()) {
            return undecided;
        }
        Token first = tokens.get(0);
        if (first.is("USE")) {
            return tokens.size() > 1 ? new Reading(Kind.USE, tokens.get(1))
                    : complete ? new Reading(Kind.USE, null) : undecided;
        }
        if (!first.is("CREATE", "DROP", "ALTER")) {
            return new Reading(Kind.SAFE, null);
        }
        int at = 1;
        if (first.is("CREATE") && tokens.size() > at && tokens.get(at).is("OR")) {
            at += 2;
        }
        if (tokens.size() <= at) {
            return complete ? new Reading(Kind.SAFE, null) : undecided;
        }
        if (!tokens.get(at).is("DATABASE", "SCHEMA")) {
            return new Reading(Kind.SAFE, null);
        }
        at++;
        if (first.is("DROP")) {
            return new Reading(Kind.DROP, null);
        }
        if (first.is("CREATE") && tokens.size() > at && tokens.get(at).is("IF")) {
            at += 3;
        }
        if (tokens.size() <= at) {
            return complete ? new Reading(first.is("CREATE") ? Kind.CREATE : Kind.SAFE, null) : undecided;
        }
        Token name = tokens.get(at);
        if (first.is("ALTER")) {
            return name.is(ALTER_OPTIONS.toArray(String[]::new)) ? new Reading(Kind.SAFE, null)
                    : new Reading(Kind.ALTER, name);
        }
        return new Reading(Kind.CREATE, name);
    }

    private void name(String named) throws DumpContentException {
        if (database == null) {
            database = named;
        } else if (!database.equals(named)) {
            throw new DumpContentException.NotTestable("the dump holds more than one database (" + database
                    + ", " + named + "): a restore test restores the dump of one database into its scratch database, "
                    + "so it cannot test this file; keep one database's dump per file (mariadb-dump DATABASE, or "
                    + "--databases with one name)");
        }
    }

    private void flushPending() throws IOException {
        out.write(pending, 0, pendingLength);
        pendingLength = 0;
    }

    /** Moves one byte on, to the client as the statement's mode says. */
    private int take() throws IOException {
        int c = peek(0);
        position++;
        watchForNoBackslashEscapes(c);
        switch (mode) {
            case HEAD -> {
                if (pendingLength == pending.length) {
                    pending = Arrays.copyOf(pending, pending.length * 2);
                }
                pending[pendingLength++] = (byte) c;
            }
            case PASS -> out.write(c);
            case DROP -> {
                if (c == '\n') {
                    out.write(c);
                }
            }
        }
        return c;
    }

    /** {@code SET sql_mode = '...NO_BACKSLASH_ESCAPES...'} (or an @variable holding it) in a SET statement. */
    private void watchForNoBackslashEscapes(int c) {
        if (mentionsNoBackslashEscapes || tokens.isEmpty() || !tokens.get(0).is("SET")) {
            return;
        }
        int upper = c >= 'a' && c <= 'z' ? c - 32 : c;
        escapesMatched = upper == NO_BACKSLASH_ESCAPES[escapesMatched] ? escapesMatched + 1
                : upper == NO_BACKSLASH_ESCAPES[0] ? 1 : 0;
        if (escapesMatched == NO_BACKSLASH_ESCAPES.length) {
            mentionsNoBackslashEscapes = true;
        }
    }

    /** The length of a delimiter starting here, or 0. */
    private int delimiterAt() throws IOException {
        int longest = 0;
        for (byte[] delimiter : delimiters) {
            if (delimiter.length > longest && startsWith(delimiter)) {
                longest = delimiter.length;
            }
        }
        return longest;
    }

    private boolean startsWith(byte[] bytes) throws IOException {
        for (int i = 0; i < bytes.length; i++) {
            if (peek(i) != (bytes[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** The byte {@code ahead} bytes on, or -1 at the end of the dump. */
    private int peek(int ahead) throws IOException {
        if (position + ahead >= limit) {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            while (limit <= ahead) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    return -1;
                }
                limit += n;
            }
        }
        return buffer[position + ahead] & 0xff;
    }

    private static boolean isWordByte(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '$' || c >= 0x80;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
