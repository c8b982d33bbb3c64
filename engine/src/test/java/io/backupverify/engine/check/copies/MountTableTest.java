package io.backupverify.engine.check.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading /proc/self/mountinfo (format: proc(5)), with lines as the kernel writes them for a local disk, NFS (v3 and
 * v4, the same export mounted twice with {@code nosharecache}), SMB and SSHFS, and which mount's data a folder is on.
 */
class MountTableTest {
    static final List<String> LINES = List.of(
            "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue",
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
            "418 27 0:52 / /mnt/backups rw,relatime shared:230 - nfs4 nas.invalid:/srv/backups rw,vers=4.2,"
                    + "rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,"
                    + "clientaddr=192.0.2.20,local_lock=none,addr=192.0.2.5",
            "425 27 0:53 / /mnt/backups-again rw,relatime shared:237 - nfs4 nas.invalid:/srv/backups rw,vers=4.2,"
                    + "rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,"
                    + "clientaddr=192.0.2.20,local_lock=none,addr=192.0.2.5",
            "430 27 0:54 / /mnt/copy rw,relatime - nfs 192.0.2.5:/srv/backups/nightly rw,vers=3,rsize=1048576,"
                    + "wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,mountaddr=192.0.2.5,"
                    + "mountvers=3,mountport=20048,mountproto=udp,local_lock=none,addr=192.0.2.5",
            "431 27 0:55 / /mnt/other rw,relatime - nfs 192.0.2.5:/srv/other rw,vers=3,addr=192.0.2.5",
            "440 27 0:60 / /mnt/smb rw,relatime - cifs //NAS.invalid/Backups rw,vers=3.1.1,cache=strict,"
                    + "username=backup,uid=0,noforceuid,gid=0,noforcegid,addr=192.0.2.5,file_mode=0755,"
                    + "dir_mode=0755,soft,nounix,serverino,mapposix,rsize=4194304,wsize=4194304",
            "441 27 0:64 /nightly /srv/smb-nightly rw,relatime - cifs //nas.invalid/backups rw,vers=3.1.1,"
                    + "addr=192.0.2.5",
            "450 27 0:61 / /mnt/ssh rw,nosuid,nodev,relatime - fuse.sshfs backup@nas.invalid:/srv/backups "
                    + "rw,user_id=0,group_id=0",
            "460 27 0:62 / /mnt/with\\040space rw - nfs4 nas.invalid:/srv/my\\040backups rw,addr=192.0.2.5",
            "470 27 0:63 / /mnt/ceph rw,relatime - ceph 192.0.2.11:6789,192.0.2.12:6789:/backups "
                    + "rw,name=backup,secret=<hidden>,acl",
            "not a mountinfo line");

    private static final MountTable TABLE = MountTable.parse(LINES);

    private static MountTable.Mount mountOf(String path) {
        return TABLE.mountOf(Path.of(path)).orElseThrow();
    }

    private static StoragePlace place(String path) {
        MountTable.Mount mount = mountOf(path);
        return MountedShares.of(mount, mount.device()).orElseThrow();
    }

    @Test
    void eachLineGivesItsDeviceRootMountPointTypeSourceAndOptions() {
        MountTable.Mount proc5 = mountOf("/mnt2/x");
        assertThat(proc5).isEqualTo(new MountTable.Mount("98:0", "/mnt1", Path.of("/mnt2"), "ext3", "/dev/root",
                "rw,errors=continue"));
        MountTable.Mount nfs = mountOf("/mnt/backups/nightly-2026-11-29");
        assertThat(nfs.type()).isEqualTo("nfs4");
        assertThat(nfs.source()).isEqualTo("nas.invalid:/srv/backups");
        assertThat(nfs.superOption("addr")).contains("192.0.2.5");
        assertThat(mountOf("/mnt/with space/a").source()).as("octal escapes").isEqualTo("nas.invalid:/srv/my backups");
    }

    @Test
    void aFolderIsOnTheLongestMountPointHoldingItByWholeNames() {
        assertThat(mountOf("/mnt/backups-again/x").device()).isEqualTo("0:53");
        assertThat(mountOf("/mnt/backups").device()).isEqualTo("0:52");
        assertThat(mountOf("/home/backup").device()).isEqualTo("254:0");
    }

    @Test
    void aMountHoldsTheFilesWhoseDeviceNumberItNames() {
        assertThat(mountOf("/").holds(254L << 8)).isTrue();
        assertThat(mountOf("/mnt/backups").holds(52)).isTrue();
        assertThat(mountOf("/mnt/backups").holds(53)).isFalse();
        MountTable.Mount bigMinor = MountTable.parse(List.of("1 0 0:300 / /big rw - nfs4 nas:/x rw")).mountOf(
                Path.of("/big")).orElseThrow();
        assertThat(bigMinor.holds(44 | (256L << 12))).isTrue();
    }

    /**
     * Two mounts of one export (two mount points; {@code nosharecache} gives each its own device), the same server
     * by its address (the mount's {@code addr=}, as the name does not resolve here) and a folder exported from inside
     * the export are one storage; another export of that server is not.
     */
    @Test
    void mountsOfOneExportAreOneStorageWhateverTheirDeviceAndTheServersName() {
        assertThat(place("/mnt/backups").shares(place("/mnt/backups-again"))).isTrue();
        assertThat(place("/mnt/backups").shares(place("/mnt/copy"))).isTrue();
        assertThat(place("/mnt/backups").shares(place("/mnt/other"))).isFalse();
        assertThat(place("/mnt/backups").shown()).isEqualTo("NFS export nas.invalid:/srv/backups (mounted at "
                + "/mnt/backups)");
        assertThat(place("/mnt/smb").shares(place("/srv/smb-nightly"))).as("share names ignore case; a bind mount of "
                + "a folder of the share").isTrue();
        assertThat(place("/mnt/smb").shares(place("/mnt/backups"))).isFalse();
        assertThat(place("/mnt/smb").sameHost(place("/mnt/backups"))).isTrue();
        assertThat(place("/mnt/ssh").shown()).isEqualTo("SSHFS folder nas.invalid:/srv/backups (mounted at /mnt/ssh)");
        assertThat(place("/mnt/ceph").hosts()).extracting(Host::name).containsExactly("192.0.2.11", "192.0.2.12");
        assertThat(MountedShares.of(mountOf("/"), "65024")).as("a local disk is known by its device").isEmpty();
    }
}
