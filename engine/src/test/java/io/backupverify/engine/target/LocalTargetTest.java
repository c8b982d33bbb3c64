package io.backupverify.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTargetTest {
    @TempDir
    Path dir;

    @Test
    void listsAndWalksWithRelativeSlashPaths() throws IOException {
        Files.createDirectories(dir.resolve("b1/sub dir"));
        Files.writeString(dir.resolve("b1/sub dir/ä -x.bin"), "abc");
        Files.writeString(dir.resolve("b1/top"), "");
        LocalTarget target = new LocalTarget(dir);

        List<Entry> walked = new ArrayList<>();
        target.walk("b1", walked::add);

        assertThat(target.list("")).extracting(Entry::path).containsExactly("b1");
        assertThat(walked).extracting(Entry::path).containsExactly("b1/sub dir", "b1/sub dir/ä -x.bin", "b1/top");
        Entry file = walked.get(1);
        assertThat(file.type()).isEqualTo(EntryType.FILE);
        assertThat(file.size()).isEqualTo(3);
        assertThat(file.name()).isEqualTo("ä -x.bin");
        try (InputStream in = target.open("b1/sub dir/ä -x.bin")) {
            assertThat(in.readAllBytes()).containsExactly('a', 'b', 'c');
        }
    }

    @Test
    void walksInTheByteOrderOfPathsAsS3ListsKeys() throws IOException {
        for (String name : List.of("db/x", "db/y/z", "db.dump", "db-1", "db 2", "db0", "dbz", "\u00e9/a", "Z",
                "\ud83d\ude00", "\uffee")) {
            Files.createDirectories(dir.resolve("b1").resolve(name).getParent());
            Files.writeString(dir.resolve("b1").resolve(name), name);
        }
        List<String> walked = new ArrayList<>();

        new LocalTarget(dir).walk("b1", entry -> walked.add(entry.path()));

        List<String> byBytes = new ArrayList<>(walked);
        byBytes.sort((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(walked).containsExactlyElementsOf(byBytes).hasSize(14)
                .containsSubsequence("b1/db", "b1/db 2", "b1/db-1", "b1/db.dump", "b1/db/x", "b1/db/y", "b1/db/y/z",
                        "b1/db0", "b1/dbz");
    }

    @Test
    void reportsSymbolicLinksWithoutFollowingThem() throws IOException {
        Files.createDirectories(dir.resolve("root/b1"));
        Files.writeString(dir.resolve("root/b1/real"), "data");
        Files.writeString(dir.resolve("secret"), "outside");
        Files.createSymbolicLink(dir.resolve("root/b1/inside"), Path.of("real"));
        Files.createSymbolicLink(dir.resolve("root/b1/outside"), Path.of("../../secret"));
        LocalTarget target = new LocalTarget(dir.resolve("root"));

        List<Entry> entries = target.list("b1");

        Entry inside = entries.stream().filter(e -> e.name().equals("inside")).findFirst().orElseThrow();
        Entry outside = entries.stream().filter(e -> e.name().equals("outside")).findFirst().orElseThrow();
        assertThat(inside.type()).isEqualTo(EntryType.SYMLINK);
        assertThat(inside.linkInsideRoot()).isTrue();
        assertThat(inside.linkTarget()).isEqualTo("b1/real");
        assertThat(outside.linkInsideRoot()).isFalse();
        assertThat(outside.linkTarget()).isEqualTo("../../secret");
        assertThatThrownBy(() -> target.open("b1/outside")).hasMessageContaining("symbolic link");
    }

    @Test
    void aRootThatIsASymbolicLinkToAFolderIsListedButLinksBelowItAreNotFollowed() throws IOException {
        Files.createDirectories(dir.resolve("real/b1"));
        Files.writeString(dir.resolve("real/b1/data"), "data");
        Files.createSymbolicLink(dir.resolve("real/b2"), Path.of("b1"));
        Files.createSymbolicLink(dir.resolve("backups"), dir.resolve("real"));
        LocalTarget target = new LocalTarget(dir.resolve("backups"));

        assertThat(target.list("")).extracting(Entry::path, Entry::type)
                .containsExactly(tuple("b1", EntryType.DIRECTORY), tuple("b2", EntryType.SYMLINK));
        assertThat(target.list("b1")).extracting(Entry::path).containsExactly("b1/data");
        assertThatThrownBy(() -> target.list("b2")).isInstanceOf(NotDirectoryException.class);
    }

    @Test
    void refusesPathsOutsideTheRoot() {
        LocalTarget target = new LocalTarget(dir);

        assertThatThrownBy(() -> target.open("../etc/passwd")).hasMessageContaining("outside the target");
        assertThatThrownBy(() -> target.list("nope")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void statsAndMeasuresTheFileSystem() throws IOException {
        Files.writeString(dir.resolve("f"), "12");
        LocalTarget target = new LocalTarget(dir);

        assertThat(target.stat("f")).get().extracting(Entry::size).isEqualTo(2L);
        assertThat(target.stat("absent")).isEmpty();
        StorageUsage usage = target.usage().orElseThrow();
        assertThat(usage.totalBytes()).isGreaterThan(0);
        assertThat(usage.usedBytes()).isBetween(0L, usage.totalBytes());
        assertThat(usage.source()).isEqualTo("filesystem");
    }
}
