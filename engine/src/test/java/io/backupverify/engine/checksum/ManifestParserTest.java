package io.backupverify.engine.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA512_ABC = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
    private static final String SHA1_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d";
    private static final String MD5_ABC = "900150983cd24fb0d6963f7d28e17f72";

    private static Manifest parse(String source, String text) throws IOException {
        return ManifestParser.parse(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Manifest parseBytes(String source, byte[] bytes) throws IOException {
        return ManifestParser.parse(source, new ByteArrayInputStream(bytes));
    }

    @Test
    void readsGnuTextAndBinaryModeLines() throws IOException {
        Manifest manifest = parse("SHA256SUMS", SHA256_ABC + "  text.txt\n" + SHA256_ABC + " *image.bin\n");

        assertThat(manifest.report().isClean()).isTrue();
        assertThat(manifest.entries()).extracting(ManifestEntry::name).containsExactly("text.txt", "image.bin");
        assertThat(manifest.entries()).allSatisfy(entry -> {
            assertThat(entry.algorithm()).isEqualTo(ChecksumAlgorithm.SHA256);
            assertThat(entry.digestHex()).isEqualTo(SHA256_ABC);
        });
        assertThat(manifest.entries()).extracting(ManifestEntry::line).containsExactly(1, 2);
    }

    @Test
    void readsTheSingleSpaceFormOfMd5Reversed() throws IOException {
        Manifest manifest = parse("MD5SUMS", MD5_ABC + " file.txt\n");

        assertThat(manifest.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("file.txt");
            assertThat(entry.algorithm()).isEqualTo(ChecksumAlgorithm.MD5);
        });
    }

    @Test
    void takesTheAlgorithmFromTheManifestName() throws IOException {
        assertThat(parse("SHA512SUMS", SHA512_ABC + "  a\n").entries().get(0).algorithm())
                .isEqualTo(ChecksumAlgorithm.SHA512);
        assertThat(parse("SHA1SUMS", SHA1_ABC + "  a\n").entries().get(0).algorithm())
                .isEqualTo(ChecksumAlgorithm.SHA1);
        assertThat(parse("backup.tar.gz.md5", MD5_ABC + "  a\n").entries().get(0).algorithm())
                .isEqualTo(ChecksumAlgorithm.MD5);
    }

    @Test
    void takesTheAlgorithmFromTheDigestLengthWhenTheNameDoesNotSay() throws IOException {
        Manifest manifest = parse("CHECKSUMS", MD5_ABC + "  a\n" + SHA1_ABC + "  b\n" + SHA256_ABC + "  c\n"
                + SHA512_ABC + "  d\n");

        assertThat(manifest.entries()).extracting(ManifestEntry::algorithm).containsExactly(ChecksumAlgorithm.MD5,
                ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512);
    }

    @Test
    void rejectsADigestOfTheWrongLengthForTheNamedAlgorithm() throws IOException {
        Manifest manifest = parse("SHA256SUMS", SHA256_ABC + "  good\n" + MD5_ABC + "  short\n");

        assertThat(manifest.entries()).extracting(ManifestEntry::name).containsExactly("good");
        assertThat(manifest.report().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(manifest.report().describe(problem))
                    .isEqualTo("SHA256SUMS line 2: a SHA-256 digest has 64 hex digits, found 32");
        });
    }

    @Test
    void acceptsUpperCaseHex() throws IOException {
        Manifest manifest = parse("SHA256SUMS", SHA256_ABC.toUpperCase() + "  a\n");

        assertThat(manifest.entries()).singleElement().satisfies(entry ->
                assertThat(entry.digestHex()).isEqualTo(SHA256_ABC));
    }

    @Test
    void readsBsdTagLinesWithTheirOwnAlgorithm() throws IOException {
        Manifest manifest = parse("CHECKSUM", "SHA256 (disk image.iso) = " + SHA256_ABC + "\n"
                + "MD5 (notes.txt) = " + MD5_ABC + "\n"
                + "SHA2-512 (x) = " + SHA512_ABC + "\n"
                + "SHA1(openssl.out)= " + SHA1_ABC + "\n");

        assertThat(manifest.report().isClean()).isTrue();
        assertThat(manifest.entries()).extracting(ManifestEntry::name)
                .containsExactly("disk image.iso", "notes.txt", "x", "openssl.out");
        assertThat(manifest.entries()).extracting(ManifestEntry::algorithm).containsExactly(ChecksumAlgorithm.SHA256,
                ChecksumAlgorithm.MD5, ChecksumAlgorithm.SHA512, ChecksumAlgorithm.SHA1);
    }

    @Test
    void bsdNamesMayHoldParenthesesAndEquals() throws IOException {
        Manifest manifest = parse("SHA256SUMS", "SHA256 (a (1)) = b.txt) = " + SHA256_ABC + "\n");

        assertThat(manifest.entries()).singleElement().satisfies(entry ->
                assertThat(entry.name()).isEqualTo("a (1)) = b.txt"));
    }

    @Test
    void reportsAnUnsupportedBsdAlgorithm() throws IOException {
        Manifest manifest = parse("CHECKSUMS", "BLAKE2b (a) = " + SHA512_ABC + "\n");

        assertThat(manifest.entries()).isEmpty();
        assertThat(manifest.report().problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("unsupported checksum algorithm 'BLAKE2b'"));
    }

    @Test
    void undoesEscapesInNamesOfLinesStartingWithABackslash() throws IOException {
        Manifest manifest = parse("SHA256SUMS", "\\" + SHA256_ABC + "  back\\\\slash\\nnew\\rline\n"
                + "\\SHA256 (tag\\nname) = " + SHA256_ABC + "\n"
                + SHA256_ABC + "  plain\\name\n");

        assertThat(manifest.entries()).extracting(ManifestEntry::name)
                .containsExactly("back\\slash\nnew\rline", "tag\nname", "plain\\name");
    }

    @Test
    void reportsAnUnknownEscape() throws IOException {
        Manifest manifest = parse("SHA256SUMS", "\\" + SHA256_ABC + "  bad\\tescape\n");

        assertThat(manifest.report().problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("unknown escape '\\t'"));
    }

    @Test
    void acceptsCrlfLineEndingsAndAByteOrderMark() throws IOException {
        Manifest manifest = parse("SHA256SUMS", "\uFEFF" + SHA256_ABC + "  a.txt\r\n" + SHA256_ABC + " *b.txt\r\n");

        assertThat(manifest.report().isClean()).isTrue();
        assertThat(manifest.entries()).extracting(ManifestEntry::name).containsExactly("a.txt", "b.txt");
    }

    @Test
    void keepsSpacesNonAsciiAndLeadingDashesInNames() throws IOException {
        Manifest manifest = parse("SHA256SUMS", SHA256_ABC + "  my file .txt\n" + SHA256_ABC + "  Ünïcødé/日本.txt\n"
                + SHA256_ABC + "  -rf\n" + SHA256_ABC + "   leading space\n" + SHA256_ABC + "  *star\n");

        assertThat(manifest.entries()).extracting(ManifestEntry::name)
                .containsExactly("my file .txt", "Ünïcødé/日本.txt", "-rf", " leading space", "*star");
    }

    @Test
    void skipsBlankAndCommentLinesAndReadsALastLineWithoutNewline() throws IOException {
        Manifest manifest = parse("SHA256SUMS", "# made by backup.sh\n\n   \n" + SHA256_ABC + "  last");

        assertThat(manifest.report().isClean()).isTrue();
        assertThat(manifest.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("last");
            assertThat(entry.line()).isEqualTo(4);
        });
    }

    @Test
    void skipsLeadingBlanksAsCoreutilsDoes() throws IOException {
        Manifest manifest = parse("SHA256SUMS", "  " + SHA256_ABC + "  a\n\t\\" + SHA256_ABC + "  b\\nc\n"
                + " \tSHA256 (d) = " + SHA256_ABC + "\n");

        assertThat(manifest.report().isClean()).isTrue();
        assertThat(manifest.entries()).extracting(ManifestEntry::name).containsExactly("a", "b\nc", "d");
    }

    @Test
    void anEmptyManifestListsNothingWithoutProblems() throws IOException {
        Manifest manifest = parse("SHA256SUMS", "");

        assertThat(manifest.entries()).isEmpty();
        assertThat(manifest.report().entries()).isZero();
    }

    @Test
    void namesTheLineOfEveryGarbledLine() throws IOException {
        Manifest manifest = parse("SHA256SUMS", SHA256_ABC + "  ok\nthis is not a checksum\n" + "zz" + SHA256_ABC
                .substring(2) + "  bad-hex\n" + SHA256_ABC + "\n");

        assertThat(manifest.entries()).extracting(ManifestEntry::name).containsExactly("ok");
        assertThat(manifest.report().problems()).extracting(ManifestProblem::line).containsExactly(2, 3, 4);
        assertThat(manifest.report().problems().get(2).message()).isEqualTo("a digest without a file name");
    }

    @Test
    void givesUpOnAFileThatIsNotAManifest() throws IOException {
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            garbage.append("line ").append(i).append(" of prose\n");
        }
        Manifest manifest = parse("SHA256SUMS", garbage.toString());

        assertThat(manifest.report().abandoned()).isTrue();
        assertThat(manifest.report().isClean()).isFalse();
        assertThat(manifest.report().problems()).hasSize(ManifestParser.MAX_PROBLEMS + 2);
    }

    @Test
    void reportsInvalidUtf8AndOverlongLines() throws IOException {
        byte[] bad = (SHA256_ABC + "  x\n").getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 2] = (byte) 0xff;
        assertThat(parseBytes("SHA256SUMS", bad).report().problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).isEqualTo("not valid UTF-8 text"));

        String longName = "n".repeat(70_000);
        assertThat(parse("SHA256SUMS", SHA256_ABC + "  " + longName + "\n" + SHA256_ABC + "  after\n"))
                .satisfies(manifest -> {
                    assertThat(manifest.report().problems()).singleElement()
                            .satisfies(problem -> assertThat(problem.message()).contains("line longer than"));
                    assertThat(manifest.entries()).extracting(ManifestEntry::name).containsExactly("after");
                });
    }

    @Test
    void sidecarsMayHoldOnlyADigest() throws IOException {
        Manifest sidecar = ManifestParser.parseSidecar("db.dump.sha256",
                new ByteArrayInputStream((SHA256_ABC + "\n").getBytes(StandardCharsets.UTF_8)));
        Manifest named = ManifestParser.parseSidecar("db.dump.sha256",
                new ByteArrayInputStream((SHA256_ABC + "  db.dump\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(sidecar.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEmpty();
            assertThat(entry.algorithm()).isEqualTo(ChecksumAlgorithm.SHA256);
        });
        assertThat(named.entries()).extracting(ManifestEntry::name).isEqualTo(List.of("db.dump"));
    }

    @Test
    void streamsEntriesToASink() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(SHA256_ABC).append("  file-").append(i).append('\n');
        }
        int[] seen = {0};
        ParseReport report = new ManifestParser("SHA256SUMS", false).read(
                new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), entry -> seen[0]++);

        assertThat(report.entries()).isEqualTo(1000);
        assertThat(seen[0]).isEqualTo(1000);
    }
}
