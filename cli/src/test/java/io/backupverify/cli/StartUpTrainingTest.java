package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartUpTrainingTest {
    @TempDir
    Path folder;

    /** The training must really run the demo and read every S3 object, or the archive misses those classes. */
    @Test
    void runsTheDemoAndVerifiesEveryObjectOfTheInMemoryBucket() throws Exception {
        int[] codes = StartUpTraining.run(folder);

        assertThat(codes[0]).as("the demo").isZero();
        assertThat(codes[1]).as("the S3 verification: %s", Files.readString(folder.resolve("s3.json"))).isZero();
        JsonNode report = new ObjectMapper().readTree(folder.resolve("s3.json").toFile());
        assertThat(report.findValues("verifiedFiles")).extracting(JsonNode::asInt).contains(2);
        assertThat(report.findValuesAsText("status")).containsOnly("PASS");
    }
}
