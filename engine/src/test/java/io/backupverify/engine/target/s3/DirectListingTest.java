package io.backupverify.engine.target.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.S3TargetSpec;
import io.backupverify.engine.target.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listings asked without the SDK's pipeline ({@link DirectGets#list}) give exactly what the SDK's listing gives, page
 * by page, and every answer that is not a whole listing page of the bucket is asked again through the SDK.
 */
class DirectListingTest {
    private static final String[] KEYS = {"b/plain.bin", "b/with space/a+b=c&d.bin", "b/caf\u00e9/\u20ac~*'!(x).bin",
        "b/per%25cent/%41.bin", "b/lt<gt>.bin", "b/z/deep/er.bin", "top.bin"};
    /** Entries a walk of the bucket gives: the seven objects and six folders. */
    private static final int WALKED = 13;
    private final ScriptedS3 s3;

    DirectListingTest() throws Exception {
        s3 = new ScriptedS3("listed");
        for (String key : KEYS) {
            s3.object(key, "content of " + key, null);
        }
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private S3Target open(boolean direct) throws Exception {
        S3Targets.Settings settings = S3Targets.Settings.defaults();
        return S3Targets.open(new S3TargetSpec("listed", "", "us-east-1", s3.endpoint(), true, "id"),
                Optional.of(new AwsKeys("AKIDLISTING", SecretValue.of("listing-secret"), null)),
                direct ? settings : settings.withoutDirectReads());
    }

    private static List<String> walk(S3Target target, String folder) throws Exception {
        List<String> seen = new ArrayList<>();
        target.walk(folder, entry -> seen.add(describe(entry)));
        for (Entry entry : target.list(folder)) {
            seen.add("list " + describe(entry));
        }
        return seen;
    }

    private static String describe(Entry entry) {
        return entry.path() + " " + entry.isFile() + " " + entry.size() + " " + entry.modified();
    }

    /** The SDK's listing of the same bucket, for comparison. */
    private List<String> sdkListing(String folder) throws Exception {
        try (S3Target target = open(false)) {
            List<String> listed = walk(target, folder);
            assertThat(target.directLists()).isZero();
            return listed;
        }
    }

    @Test
    void pagesGoDirectAndGiveWhatTheSdkGives() throws Exception {
        s3.pages(3);
        List<String> expected = sdkListing("");
        assertThat(expected).hasSize(WALKED + 2).contains("b/with space/a+b=c&d.bin true 35 2026-11-29T02:00:00Z");
        try (S3Target target = open(true)) {
            assertThat(walk(target, "")).isEqualTo(expected);
            // 7 objects in pages of 3, listed twice.
            assertThat(target.directLists()).isEqualTo(6);
        }
        assertThat(sdkListing("b")).isNotEmpty();
        try (S3Target target = open(true)) {
            assertThat(walk(target, "b")).isEqualTo(sdkListing("b"));
        }
    }

    @Test
    void urlEncodedKeysAreDecodedAsTheSdkDecodesThem() throws Exception {
        s3.urlEncodedKeys().pages(4);
        List<String> expected = sdkListing("");
        assertThat(expected).contains("b/caf\u00e9/\u20ac~*'!(x).bin true 33 2026-11-29T02:00:00Z");
        try (S3Target target = open(true)) {
            assertThat(walk(target, "")).isEqualTo(expected);
            assertThat(target.directLists()).isEqualTo(4);
        }
    }

    @Test
    void anAnswerThatIsNotAWholePageIsAskedAgainThroughTheSdk() throws Exception {
        List<String> expected = sdkListing("");
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult " + ScriptedS3.NS + ">";
        String[] broken = {
            head + "<Name>listed</Name><Contents><Key>top.bin</Key><Size>1</Size>",
            head + "<Name>another</Name><IsTruncated>false</IsTruncated></ListBucketResult>",
            head + "<Contents><Key>top.bin</Key><LastModified>2026-11-29T02:00:00.000Z</LastModified>"
                    + "<Size>-1</Size></Contents></ListBucketResult>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"top.bin\">]><ListBucketResult><Contents><Key>&e;</Key>"
                    + "<LastModified>2026-11-29T02:00:00.000Z</LastModified><Size>1</Size></Contents>"
                    + "</ListBucketResult>",
            "<Error><Code>SlowDown</Code></Error>"};
        for (String answer : broken) {
            try (S3Target target = open(true)) {
                s3.nextListing(new ScriptedS3.Answer(200, answer));
                List<String> listed = new ArrayList<>();
                target.walk("", entry -> listed.add(describe(entry)));
                assertThat(listed).as(answer).isEqualTo(expected.subList(0, listed.size())).hasSize(WALKED);
                assertThat(target.directLists()).as(answer).isZero();
            }
        }
    }

    @Test
    void aPageWithKeysOutsideThePrefixIsAskedAgainThroughTheSdk() throws Exception {
        List<String> expected = sdkListing("b/z");
        try (S3Target target = open(true)) {
            s3.nextListing(ScriptedS3.Answer.ok("<ListBucketResult " + ScriptedS3.NS + "><Contents><Key>top.bin</Key>"
                    + "<LastModified>2026-11-29T02:00:00.000Z</LastModified><Size>18</Size></Contents>"
                    + "</ListBucketResult>"));
            assertThat(walk(target, "b/z")).isEqualTo(expected).contains("list b/z/deep false 0 2026-11-29T02:00:00Z");
            assertThat(target.directLists()).isEqualTo(1);
        }
    }

    @Test
    void throttlingIsLeftToTheSdksRetries() throws Exception {
        List<String> expected = sdkListing("");
        int before = s3.listings();
        try (S3Target target = open(true)) {
            s3.nextListing(ScriptedS3.Answer.error(503, "SlowDown"));
            List<String> listed = new ArrayList<>();
            target.walk("", entry -> listed.add(describe(entry)));
            assertThat(listed).isEqualTo(expected.subList(0, WALKED));
            assertThat(target.directLists()).isZero();
        }
        // The direct request, then the SDK's.
        assertThat(s3.listings() - before).isEqualTo(2);
    }

    /** A first page as S3 writes it, with one object, marked truncated, and the token given (or none). */
    static ScriptedS3.Answer truncatedPage(String bucket, String key, int size, String token) {
        return ScriptedS3.Answer.ok("<ListBucketResult " + ScriptedS3.NS + "><Name>" + bucket + "</Name><Prefix>"
                + "</Prefix><KeyCount>1</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated><Contents><Key>"
                + key + "</Key><LastModified>2026-11-29T02:00:00.000Z</LastModified><ETag>\"e1\"</ETag><Size>" + size
                + "</Size><StorageClass>STANDARD</StorageClass></Contents>"
                + (token == null ? "" : "<NextContinuationToken>" + token + "</NextContinuationToken>")
                + "</ListBucketResult>");
    }

    @Test
    void aPageMarkedTruncatedWithoutATokenIsAnErrorOnBothPathsNotTheEndOfTheListing() throws Exception {
        for (boolean direct : new boolean[] {true, false}) {
            try (S3Target target = open(direct)) {
                s3.nextListing(truncatedPage("listed", "b/plain.bin", 22, null));
                assertThatThrownBy(() -> target.walk("", entry -> { })).as("direct " + direct)
                        .isInstanceOf(IOException.class)
                        .hasMessage("cannot list s3://listed/: the store marked a listing page truncated but gave no "
                                + "continuation token to ask for the rest, so the listing would be incomplete");
            }
        }
    }

    @Test
    void aPageGivingBackTheTokenItWasAskedWithIsAnErrorNotAnEndlessListing() throws Exception {
        for (boolean direct : new boolean[] {true, false}) {
            try (S3Target target = open(direct)) {
                s3.nextListing(truncatedPage("listed", "b/plain.bin", 22, "again"))
                        .nextListing(truncatedPage("listed", "b/plain.bin", 22, "again"));
                assertThatThrownBy(() -> target.walk("", entry -> { })).as("direct " + direct)
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("gave back the continuation token it was asked with");
            }
        }
    }
}
