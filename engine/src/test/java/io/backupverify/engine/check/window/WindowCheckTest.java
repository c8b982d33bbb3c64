package io.backupverify.engine.check.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.check.TestContexts;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.LayoutKind;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.plan.TimeOfDay;
import io.backupverify.engine.plan.WindowSpec;
import io.backupverify.engine.target.LocalTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowCheckTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final LayoutSpec FOLDERS = new LayoutSpec(LayoutKind.DIRECTORY_PER_BACKUP, "db-{yyyy-MM-dd}");
    private static final LayoutSpec FILES =
            new LayoutSpec(LayoutKind.FILE_PER_BACKUP, "db-{yyyy-MM-dd'T'HHmm}.dump");

    @TempDir
    Path root;

    private static WindowSpec spec(String start, String end, String maxDuration, String lookback) {
        return new WindowSpec(start == null ? null : TimeOfDay.parse(start), end == null ? null : TimeOfDay.parse(end),
                maxDuration == null ? null : DurationValue.parse(maxDuration),
                lookback == null ? null : DurationValue.parse(lookback), null);
    }

    /** A folder backup whose files were written at the given times. */
    private void folder(String name, String... fileTimes) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        for (int i = 0; i < fileTimes.length; i++) {
            Path file = Files.writeString(dir.resolve("part" + i + ".dat"), "data " + i);
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse(fileTimes[i])));
        }
    }

    private CheckResult run(WindowSpec spec, LayoutSpec layout, ZoneId zone) throws IOException {
        return new WindowCheck(spec).run(TestContexts.discovered(new LocalTarget(root), layout, NOW, zone));
    }

    @Test
    void passesBackupsInsideTheWindowAndKeepsTheirDurations() throws IOException {
        folder("db-2026-11-25", "2026-11-25T01:05:00Z", "2026-11-25T02:35:00Z");
        folder("db-2026-11-26", "2026-11-26T01:10:00Z", "2026-11-26T01:40:00Z", "2026-11-26T02:00:00Z");
        CheckResult result = run(spec("01:00", "05:00", "3h", null), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).containsEntry("evaluated", 2).containsEntry("latestBackup", "db-2026-11-26")
                .containsEntry("latestDurationSeconds", 3000L).containsEntry("longestDurationSeconds", 5400L)
                .containsEntry("window", "01:00-05:00").containsEntry("outsideWindow", 0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> durations = (List<Map<String, Object>>) result.metrics().get("durations");
        assertThat(durations).extracting(entry -> entry.get("backup")).containsExactly("db-2026-11-25",
                "db-2026-11-26");
        assertThat(durations.get(1)).containsEntry("start", "2026-11-26T01:10:00Z")
                .containsEntry("end", "2026-11-26T02:00:00Z").containsEntry("durationSeconds", 3000L)
                .containsEntry("source", "file times").containsEntry("inWindow", true);
        assertThat(result.summary()).isEqualTo("2 backups evaluated; newest db-2026-11-26 ran 50m");
    }

    @Test
    void failsWhenTheNewestBackupStartedBeforeTheWindow() throws IOException {
        folder("db-2026-11-26", "2026-11-26T00:40:00Z", "2026-11-26T01:30:00Z");
        CheckResult result = run(spec("01:00", "05:00", null, null), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).containsExactly(Finding.fail("db-2026-11-26",
                "started 2026-11-26 00:40, outside the window 01:00-05:00 (UTC)"));
    }

    @Test
    void failsWhenTheNewestBackupRanPastTheWindow() throws IOException {
        folder("db-2026-11-26", "2026-11-26T04:00:00Z", "2026-11-26T05:20:00Z");
        CheckResult result = run(spec("01:00", "05:00", null, null), FOLDERS, UTC);
        assertThat(result.findings()).containsExactly(Finding.fail("db-2026-11-26",
                "ended 2026-11-26 05:20, after the window 01:00-05:00 (UTC) had closed"));
    }

    @Test
    void warnsForEarlierBreachesWithinTheLookbackOnly() throws IOException {
        folder("db-2026-11-10", "2026-11-10T12:00:00Z", "2026-11-10T13:00:00Z");
        folder("db-2026-11-24", "2026-11-24T12:00:00Z", "2026-11-24T13:00:00Z");
        folder("db-2026-11-26", "2026-11-26T01:00:00Z", "2026-11-26T02:00:00Z");
        CheckResult result = run(spec("01:00", "05:00", null, "7d"), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.findings()).containsExactly(Finding.warn("db-2026-11-24",
                "started 2026-11-24 12:00 and ended 2026-11-24 13:00, outside the window 01:00-05:00 (UTC)"));
        assertThat(result.metrics()).containsEntry("evaluated", 2).containsEntry("outsideWindow", 1);
    }

    @Test
    void evaluatesTheNewestBackupEvenWhenItIsOlderThanTheLookback() throws IOException {
        folder("db-2026-11-01", "2026-11-01T12:00:00Z", "2026-11-01T13:00:00Z");
        CheckResult result = run(spec("01:00", "05:00", null, "1d"), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("evaluated", 1);
    }

    @Test
    void failsABackupThatRanLongerThanMaxDuration() throws IOException {
        folder("db-2026-11-26", "2026-11-26T01:00:00Z", "2026-11-26T04:30:00Z");
        CheckResult result = run(spec(null, null, "3h", null), FOLDERS, UTC);
        assertThat(result.findings()).containsExactly(Finding.fail("db-2026-11-26",
                "ran 3h 30m, longer than maxDuration 3h"));
        assertThat(run(spec(null, null, "210m", null), FOLDERS, UTC).status()).isEqualTo(Status.PASS);
    }

    @Test
    void acceptsARunAcrossMidnightInAnOvernightWindow() throws IOException {
        folder("db-2026-11-25", "2026-11-25T23:10:00Z", "2026-11-26T00:50:00Z");
        assertThat(run(spec("22:00", "04:00", "2h", null), FOLDERS, UTC).status()).isEqualTo(Status.PASS);
        assertThat(run(spec("00:00", "04:00", null, null), FOLDERS, UTC).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void readsWindowTimesInThePlansZone() throws IOException {
        // 00:30 UTC is 01:30 in Berlin (winter time).
        folder("db-2026-11-26", "2026-11-26T00:30:00Z", "2026-11-26T01:00:00Z");
        assertThat(run(spec("01:00", "05:00", null, null), FOLDERS, ZoneId.of("Europe/Berlin")).status())
                .isEqualTo(Status.PASS);
        assertThat(run(spec("01:00", "05:00", null, null), FOLDERS, UTC).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aMarkerFileOverridesTheFileTimes() throws IOException {
        folder("db-2026-11-26", "2019-03-01T10:00:00Z", "2026-11-20T10:00:00Z");
        Files.writeString(root.resolve("db-2026-11-26/backup-info.json"),
                "{\"start\": \"2026-11-26T01:05:00Z\", \"end\": \"2026-11-26T01:45:00Z\"}");
        CheckResult result = run(spec("01:00", "05:00", "1h", null), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("latestDurationSeconds", 2400L);
    }

    @Test
    void fileTimesThatCannotDescribeARunAreAnErrorNotAFailure() throws IOException {
        folder("db-2026-11-26", "2019-03-01T10:00:00Z", "2026-11-26T02:00:00Z");
        CheckResult result = run(spec(null, null, "3h", null), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings().get(0).message()).startsWith("cannot tell when this backup ran")
                .contains("backup-info.json marker");
    }

    @Test
    void fileTimesAllWellBeforeTheNamedTimeAreAnErrorToo() throws IOException {
        folder("db-2026-11-26", "2026-10-01T10:00:00Z", "2026-10-01T10:30:00Z");
        CheckResult result = run(spec("01:00", "05:00", "3h", null), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings().get(0).message()).contains("before the time in its name");
    }

    @Test
    void aBrokenMarkerIsAnError() throws IOException {
        folder("db-2026-11-26", "2026-11-26T01:05:00Z");
        Files.writeString(root.resolve("db-2026-11-26/backup-info.json"), "{\"start\": \"2026-11-26T01:05:00Z\"}");
        CheckResult result = run(spec("01:00", "05:00", null, null), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings()).singleElement().satisfies(finding -> assertThat(finding.message())
                .isEqualTo("db-2026-11-26/backup-info.json has no 'end' date-time, such as \"2026-11-26T01:12:00Z\""));
        assertThat(result.metrics()).containsEntry("unknownTimes", 1);
    }

    @Test
    void anEmptyFolderIsAnError() throws IOException {
        Files.createDirectories(root.resolve("db-2026-11-26"));
        CheckResult result = run(spec("01:00", "05:00", null, null), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings().get(0).message()).startsWith("holds no files whose times could date");
    }

    @Test
    void noBackupFails() throws IOException {
        CheckResult result = run(spec("01:00", "05:00", null, null), FOLDERS, UTC);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("no backup found");
    }

    @Test
    void fileBackupsRunFromTheirNameTimeToTheirModificationTime() throws IOException {
        Path dump = Files.writeString(root.resolve("db-2026-11-26T0115.dump"), "dump");
        Files.setLastModifiedTime(dump, FileTime.from(Instant.parse("2026-11-26T04:45:00Z")));
        CheckResult result = run(spec("01:00", "05:00", "3h", null), FILES, UTC);
        assertThat(result.findings()).containsExactly(Finding.fail("db-2026-11-26T0115.dump",
                "ran 3h 30m, longer than maxDuration 3h"));
        assertThat(result.metrics()).containsEntry("latestStart", "2026-11-26T01:15:00Z")
                .containsEntry("latestEnd", "2026-11-26T04:45:00Z");
    }

    @Test
    void fileBackupsReadASidecarMarker() throws IOException {
        Path dump = Files.writeString(root.resolve("db-2026-11-26T0115.dump"), "dump");
        Files.setLastModifiedTime(dump, FileTime.from(Instant.parse("2026-11-26T04:45:00Z")));
        Files.writeString(root.resolve("db-2026-11-26T0115.dump.backup-info.json"),
                "{\"start\": \"2026-11-26T01:15:00Z\", \"end\": \"2026-11-26T01:50:00Z\"}");
        CheckResult result = run(spec("01:00", "05:00", "3h", null), FILES, UTC);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("latestDurationSeconds", 2100L);
    }

    @Test
    void aFileNamedOnlyByDateHasNoKnownStart() throws IOException {
        Files.writeString(root.resolve("db-2026-11-26.dump"), "dump");
        LayoutSpec dateOnly = new LayoutSpec(LayoutKind.FILE_PER_BACKUP, "db-{yyyy-MM-dd}.dump");
        CheckResult result = run(spec("01:00", "05:00", null, null), dateOnly, UTC);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings().get(0).message()).isEqualTo("its start time is unknown: the name gives no time "
                + "of day and there is no db-2026-11-26.dump.backup-info.json marker");
    }

    @Test
    void knowsWhichNamePatternsGiveAnHour() {
        assertThat(BackupSpans.nameHasHour("db-{yyyy-MM-dd'T'HHmm}.dump")).isTrue();
        assertThat(BackupSpans.nameHasHour("db-{yyyyMMdd-hhmma}")).isTrue();
        assertThat(BackupSpans.nameHasHour("db-{yyyy-MM-dd}.dump")).isFalse();
        assertThat(BackupSpans.nameHasHour("db-{yyyy-MM-dd'H'}.dump")).isFalse();
        assertThat(BackupSpans.nameHasHour("db-*.dump")).isFalse();
    }
}
