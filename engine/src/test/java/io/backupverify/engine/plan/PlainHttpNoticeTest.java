package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A restic repository reached over plain HTTP says so wherever the target is named; https and folders do not. */
class PlainHttpNoticeTest {
    private static String described(String repository) {
        return new ResticTargetSpec(repository, null, null, null, null).describe();
    }

    @Test
    void plainHttpRepositoriesCarryTheNotice() {
        assertThat(described("s3:http://127.0.0.1:9000/bucket/restic")).contains("plain HTTP: not encrypted");
        assertThat(described("rest:http://user:secret@backup.internal:8000/"))
                .contains("plain HTTP: not encrypted").doesNotContain("secret");
    }

    @Test
    void encryptedOrLocalRepositoriesDoNot() {
        assertThat(described("s3:https://s3.example.com/bucket/restic")).doesNotContain("plain HTTP");
        assertThat(described("/srv/restic")).doesNotContain("plain HTTP");
        assertThat(described("sftp:backup@vault:/srv/restic")).doesNotContain("plain HTTP");
    }
}
