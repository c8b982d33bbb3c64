package io.backupverify.engine.checksum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads checksum manifests as coreutils and BSD tools write them:
 * <ul>
 *   <li>GNU lines {@code <hex>  <name>} (text mode) and {@code <hex> *<name>} (binary mode), and the single-space
 *       {@code <hex> <name>} that {@code md5 -r} writes;</li>
 *   <li>BSD tag lines {@code SHA256 (<name>) = <hex>}, also without the spaces as {@code openssl dgst} writes;</li>
 *   <li>a line starting with a backslash has {@code \\}, {@code \n} and {@code \r} escapes in its name;</li>
 *   <li>in a sidecar, a line that is only a digest.</li>
 * </ul>
 * Hex digits may be of either case; lines end in LF or CRLF; leading spaces and tabs are skipped, and so are blank
 * lines and lines starting with {@code #}; the file is UTF-8 (a leading byte order mark is ignored).
 */
public final class ManifestParser {
    /** After this many unreadable lines the file is taken not to be a manifest at all. */
    public static final int MAX_PROBLEMS = 20;
    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final Pattern GNU = Pattern.compile("([0-9A-Fa-f]+) ([ *]?)(.+)", Pattern.DOTALL);
    private static final Pattern BSD = Pattern.compile("([A-Za-z][A-Za-z0-9-]*) ?\\((.*)\\) ?= ?([0-9A-Za-z]*)",
            Pattern.DOTALL);

    private final String source;
    private final ChecksumAlgorithm named;
    private final String namedUnsupported;
    private final boolean sidecar;

    /**
     * @param source  the manifest's name for messages; the algorithm is taken from it when it says one
     * @param sidecar whether lines holding only a digest are allowed (a sidecar beside one file)
     */
    public ManifestParser(String source, boolean sidecar) {
        this.source = source;
        this.named = ChecksumAlgorithm.fromFileName(source).orElse(null);
        this.namedUnsupported = named == null ? ChecksumAlgorithm.unsupportedFromFileName(source).orElse(null) : null;
        this.sidecar = sidecar;
    }

    public static Manifest parse(String source, InputStream in) throws IOException {
        return new ManifestParser(source, false).read(in);
    }

    public static Manifest parseSidecar(String source, InputStream in) throws IOException {
        return new ManifestParser(source, true).read(in);
    }

    /** Reads a whole manifest into memory. */
    public Manifest read(InputStream in) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        ParseReport report = read(in, entries::add);
        return new Manifest(entries, report);
    }

    /**
     * Reads a manifest line by line, handing each entry to the sink as it is read, so that a large manifest is
     * never held whole.
     */
    public ParseReport read(InputStream in, Consumer<ManifestEntry> sink) throws IOException {
        long entries = 0;
        List<ManifestProblem> problems = new ArrayList<>();
        LineReader lines = new LineReader(in);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] raw;
        while ((raw = lines.next()) != null) {
            int number = lines.number();
            if (raw.length > MAX_LINE_BYTES) {
                problems.add(new ManifestProblem(number, "line longer than " + MAX_LINE_BYTES + " bytes"));
            } else {
                try {
                    String text = decoder.decode(ByteBuffer.wrap(raw)).toString();
                    if (number == 1 && text.startsWith("\uFEFF")) {
                        text = text.substring(1);
                    }
                    Optional<ManifestEntry> entry = parseLine(text, number);
                    if (entry.isPresent()) {
                        sink.accept(entry.get());
                        entries++;
                    }
                } catch (CharacterCodingException e) {
                    problems.add(new ManifestProblem(number, "not valid UTF-8 text"));
                } catch (LineException e) {
                    problems.add(new ManifestProblem(number, e.getMessage()));
                }
            }
            if (problems.size() > MAX_PROBLEMS) {
                problems.add(new ManifestProblem(number, "more than " + MAX_PROBLEMS
                        + " unreadable lines; this is not a checksum manifest"));
                return new ParseReport(source, entries, problems, true);
            }
        }
        return new ParseReport(source, entries, problems, false);
    }

    private Optional<ManifestEntry> parseLine(String text, int number) throws LineException {
        String line = withoutLeadingBlanks(text);
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        boolean escaped = line.startsWith("\\");
        String body = escaped ? line.substring(1) : line;
        Matcher gnu = GNU.matcher(body);
        if (gnu.matches()) {
            String name = escaped ? unescape(gnu.group(3)) : gnu.group(3);
            return Optional.of(entry(name, gnu.group(1), null, number));
        }
        if (isHex(body.strip())) {
            if (!sidecar) {
                throw new LineException("a digest without a file name");
            }
            return Optional.of(entry("", body.strip(), null, number));
        }
        Matcher bsd = BSD.matcher(body);
        if (bsd.matches()) {
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.fromTag(bsd.group(1)).orElseThrow(() ->
                    new LineException("unsupported checksum algorithm '" + bsd.group(1) + "'"));
            String name = escaped ? unescape(bsd.group(2)) : bsd.group(2);
            return Optional.of(entry(name, bsd.group(3), algorithm, number));
        }
        throw new LineException("not a checksum line (expected '<hex>  <name>' or 'SHA256 (<name>) = <hex>')");
    }

    private ManifestEntry entry(String name, String hex, ChecksumAlgorithm tagged, int number) throws LineException {
        if (name.isEmpty() && !sidecar) {
            throw new LineException("empty file name");
        }
        ChecksumAlgorithm algorithm = tagged != null ? tagged : named;
        if (algorithm == null && namedUnsupported != null) {
            throw new LineException("the manifest's name says " + namedUnsupported + ", an unsupported checksum "
                    + "algorithm; write SHA256SUMS with sha256sum instead");
        }
        if (algorithm == null) {
            algorithm = ChecksumAlgorithm.fromHexLength(hex.length()).orElseThrow(() -> new LineException(
                    "a digest of " + hex.length() + " hex digits matches no supported algorithm"));
        }
        if (hex.length() != algorithm.hexLength()) {
            throw new LineException("a " + algorithm.displayName() + " digest has " + algorithm.hexLength()
                    + " hex digits, found " + hex.length());
        }
        if (!isHex(hex)) {
            throw new LineException("the digest '" + hex + "' is not hexadecimal");
        }
        return new ManifestEntry(name, algorithm, HexFormat.of().parseHex(hex), number);
    }

    /** Leading spaces and tabs are skipped, as coreutils skips them. */
    private static String withoutLeadingBlanks(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        return text.substring(start);
    }

    static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!HexFormat.isHexDigit(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** Undoes the escapes coreutils writes for names holding a backslash, a newline or a carriage return. */
    static String unescape(String name) throws LineException {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= name.length()) {
                throw new LineException("the name ends in a lone backslash");
            }
            char next = name.charAt(++i);
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new LineException("unknown escape '\\" + next + "' in the name");
            }
        }
        return out.toString();
    }

    static final class LineException extends Exception {
        LineException(String message) {
            super(message, null, false, false);
        }
    }

    /** Splits a stream into lines of bytes at LF, dropping a CR before it; keeps only a bounded prefix of a line. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private int number;

        LineReader(InputStream in) {
            this.in = in;
        }

        int number() {
            return number;
        }

        /** The next line, or null at the end. A line over the limit comes back one byte longer than the limit. */
        byte[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int room = MAX_LINE_BYTES + 1 - line.size();
                line.write(buffer, start, Math.max(0, Math.min(room, position - start)));
                if (position < limit) {
                    position++;
                    break;
                }
            }
            number++;
            byte[] bytes = line.toByteArray();
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\r' && bytes.length <= MAX_LINE_BYTES) {
                return java.util.Arrays.copyOf(bytes, bytes.length - 1);
            }
            return bytes;
        }
    }
}
