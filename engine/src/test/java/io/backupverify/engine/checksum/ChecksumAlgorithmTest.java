package io.backupverify.engine.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChecksumAlgorithmTest {
    @Test
    void knowsManifestAndSidecarNames() {
        assertThat(ChecksumAlgorithm.fromFileName("SHA256SUMS")).contains(ChecksumAlgorithm.SHA256);
        assertThat(ChecksumAlgorithm.fromFileName("sha512sums.txt")).contains(ChecksumAlgorithm.SHA512);
        assertThat(ChecksumAlgorithm.fromFileName("backup/SHA1SUMS")).contains(ChecksumAlgorithm.SHA1);
        assertThat(ChecksumAlgorithm.fromFileName("MD5SUMS")).contains(ChecksumAlgorithm.MD5);
        assertThat(ChecksumAlgorithm.fromFileName("db.tar.gz.sha256")).contains(ChecksumAlgorithm.SHA256);
        assertThat(ChecksumAlgorithm.fromFileName("db.tar.gz.MD5")).contains(ChecksumAlgorithm.MD5);
        assertThat(ChecksumAlgorithm.fromFileName("CHECKSUMS")).isEmpty();
        assertThat(ChecksumAlgorithm.fromSidecarName("x.sha1")).contains(ChecksumAlgorithm.SHA1);
        assertThat(ChecksumAlgorithm.fromSidecarName(".sha1")).isEmpty();
        assertThat(ChecksumAlgorithm.fromSidecarName("SHA256SUMS")).isEmpty();
    }

    @Test
    void knowsTagsAndDigestLengths() {
        assertThat(ChecksumAlgorithm.fromTag("sha256")).contains(ChecksumAlgorithm.SHA256);
        assertThat(ChecksumAlgorithm.fromTag("SHA2-384")).contains(ChecksumAlgorithm.SHA384);
        assertThat(ChecksumAlgorithm.fromTag("BLAKE2b")).isEmpty();
        assertThat(ChecksumAlgorithm.fromHexLength(40)).contains(ChecksumAlgorithm.SHA1);
        assertThat(ChecksumAlgorithm.fromHexLength(33)).isEmpty();
    }

    @Test
    void computesTheKnownDigestOfAbc() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(HexFormat.of().formatHex(ChecksumAlgorithm.SHA256.newDigest().digest(abc)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HexFormat.of().formatHex(ChecksumAlgorithm.MD5.newDigest().digest(abc)))
                .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    }

    @Test
    void onlyAsciiHexDigitsAreHex() {
        assertThat(ManifestParser.isHex("0aFf")).isTrue();
        assertThat(ManifestParser.isHex("0g")).isFalse();
        assertThat(ManifestParser.isHex("")).isFalse();
        assertThat(ManifestParser.isHex("١٢")).isFalse();
    }
}
