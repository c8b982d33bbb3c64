package io.backupverify.engine.target;

import java.util.Locale;
import java.util.Set;

/** File system types, as the kernel names them, that reach their data over a network. */
public final class NetworkFileSystems {
    private static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph",
            "glusterfs", "fuse.glusterfs", "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.s3fs", "afs", "lustre",
            "fuse.cephfs", "davfs", "fuse.davfs2");

    private NetworkFileSystems() {
    }

    public static boolean isNetwork(String type) {
        return NETWORK.contains(type.toLowerCase(Locale.ROOT));
    }

    public static boolean isSsh(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.equals("fuse.sshfs") || lower.equals("sshfs");
    }
}
