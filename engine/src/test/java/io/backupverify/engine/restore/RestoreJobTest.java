package io.backupverify.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreJobTest {
    @TempDir
    Path dir;

    private RestoreJob job(Target target) throws IOException {
        Backup backup = new Backup("b1", "b1", Instant.EPOCH, "name", true, 0);
        List<Entry> entries = new ArrayList<>();
        new LocalTarget(dir).walk("b1", entries::add);
        return new RestoreJob(null, target, backup, new BackupContents(backup, entries), dir.resolve("scratch"),
                CredentialResolver.NONE);
    }

    private void backup() throws IOException {
        Path dump = Files.createDirectories(dir.resolve("b1/db.dir"));
        Files.writeString(dump.resolve("toc.dat"), "toc");
        Files.writeString(dump.resolve("3001.dat"), "rows");
        Files.writeString(dir.resolve("b1/single.dump"), "dump");
        Files.writeString(dir.resolve("outside"), "not in the backup");
        Files.createDirectories(dir.resolve("b1/linked.dir"));
        Files.writeString(dir.resolve("b1/linked.dir/toc.dat"), "toc");
        Files.createSymbolicLink(dir.resolve("b1/linked.dir/3001.dat"), dir.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("b1/link.dump"), dir.resolve("outside"));
    }

    @Test
    void aLocalTargetLetsARestoreToolReadRegularFilesAndFoldersInPlaceAndCountsThemAsFetched() throws IOException {
        backup();
        RestoreJob job = job(new LocalTarget(dir));
        assertThat(job.inPlace("b1/single.dump")).contains(dir.resolve("b1/single.dump"));
        assertThat(job.fetchMeter().bytes()).isEqualTo(4);
        assertThat(job.inPlace("b1/db.dir")).contains(dir.resolve("b1/db.dir"));
        assertThat(job.fetchMeter().bytes()).isEqualTo(4 + 3 + 4);
    }

    @Test
    void linksAreNeverReadInPlaceNorFoldersHoldingOne() throws IOException {
        backup();
        RestoreJob job = job(new LocalTarget(dir));
        assertThat(job.inPlace("b1/link.dump")).isEmpty();
        assertThat(job.inPlace("b1/linked.dir")).isEmpty();
        assertThat(job.inPlace("b1")).isEmpty();
        assertThat(job.inPlace("b1/missing.dump")).isEmpty();
        assertThat(job.fetchMeter().bytes()).isZero();
    }

    @Test
    void aTargetThatOnlyStreamsIsNeverReadInPlace() throws IOException {
        backup();
        LocalTarget local = new LocalTarget(dir);
        Target streaming = new Target() {
            @Override
            public String description() {
                return "streaming";
            }

            @Override
            public List<Entry> list(String folder) throws IOException {
                return local.list(folder);
            }

            @Override
            public InputStream open(String path) throws IOException {
                return local.open(path);
            }

            @Override
            public Optional<Entry> stat(String path) throws IOException {
                return local.stat(path);
            }

            @Override
            public Optional<io.backupverify.engine.target.StorageUsage> usage() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
        assertThat(job(streaming).inPlace("b1/single.dump")).isEmpty();
    }
}
