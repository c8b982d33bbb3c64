package io.backupverify.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access control lists that getfacl prints, and what ls tells of them where getfacl is not installed. */
class PosixAclReaderTest {
    @TempDir
    Path dir;

    @Test
    void getfaclListsOnlyFilesWithMoreThanTheirModeByTheirPathsBelowTheRoot() throws Exception {
        ExternalTools.require("setfacl");
        Path folder = Files.createDirectories(dir.resolve("nightly-2026-11-29"));
        Path odd = Files.writeString(folder.resolve("we ird\\name\nwith ü"), "x");
        Files.writeString(folder.resolve("plain.dump"), "x");
        ExternalTools.run(dir, "setfacl", "-m", "u:nobody:rw,g:nogroup:rw,g::r", odd.toString());
        ExternalTools.run(dir, "setfacl", "-d", "-m", "u:nobody:rwx", folder.toString());

        Map<String, PosixAcl> lists = PosixAclReader.system().read(dir.toRealPath());

        assertThat(lists).containsOnlyKeys("nightly-2026-11-29", "nightly-2026-11-29/we ird\\name\nwith ü");
        assertThat(lists.get("nightly-2026-11-29/we ird\\name\nwith ü"))
                .isEqualTo(new PosixAcl(List.of("nobody"), List.of("nogroup"), false));
        // A default list only gives later files their lists; the folder itself is as its mode says.
        assertThat(lists.get("nightly-2026-11-29")).isEqualTo(new PosixAcl(List.of(), List.of(), false));
    }

    @Test
    void withoutGetfaclListsAreAnUnknownNamingWhereTheyAreAndTheirAbsenceAnAnswer() throws Exception {
        ExternalTools.require("setfacl");
        Path folder = Files.createDirectories(dir.resolve("nightly-2026-11-29"));
        Path dump = Files.writeString(folder.resolve("orders.dump"), "x");
        PosixAclReader withoutGetfacl = new PosixAclReader("getfacl-not-installed", "ls");
        assertThat(withoutGetfacl.read(dir.toRealPath())).isEmpty();

        ExternalTools.run(dir, "setfacl", "-m", "u:nobody:rw", dump.toString());
        assertThatThrownBy(() -> withoutGetfacl.read(dir.toRealPath())).isInstanceOf(UnansweredException.class)
                .hasMessageContaining("1 entry below " + dir.toRealPath() + " (the first in " + folder.toRealPath()
                        + ") has an access control list (ls -l shows +)")
                .hasMessageContaining("needs getfacl (the package acl)");
    }

    @Test
    void getfaclEscapesAreUndone() {
        assertThat(PosixAclReader.unescape("a\\040b\\\\c\\012d\\303\\274")).isEqualTo("a b\\c\ndü");
        assertThat(PosixAclReader.unescape("no\\escape\\9")).isEqualTo("no\\escape\\9");
    }
}
