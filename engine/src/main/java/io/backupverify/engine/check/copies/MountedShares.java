package io.backupverify.engine.check.copies;

import io.backupverify.engine.target.NetworkFileSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a network mount's data is: the server and export or share its mount source names. Two mounts of one export
 * (mounted at two points, or twice with {@code nosharecache}) have different device numbers but are one storage; so
 * are an export and a folder exported from inside it. Like a local disk, a mounted export is one storage whatever
 * folder of it holds the copy.
 */
final class MountedShares {
    /** {@code host:path} (NFS, GlusterFS, SSHFS with an optional {@code user@}); an IPv6 host in brackets. */
    private static final Pattern HOST_PATH = Pattern.compile("^(?:([^@/]*)@)?(\\[[^\\]]+\\]|[^:/\\[]+):(.*)$");
    /** {@code //server/share/...} (SMB, with either slash). */
    private static final Pattern UNC = Pattern.compile("^//([^/]+)/([^/]+)(?:/.*)?$");
    /** Ceph's monitor list before the path: {@code mon1:6789,mon2:/path}. */
    private static final Pattern CEPH_MONITORS = Pattern.compile("^([^=]*?):/.*$");

    private static final java.util.Map<String, String> SHOWN = java.util.Map.of("nfs", "NFS export", "glusterfs",
            "GlusterFS volume", "sshfs", "SSHFS folder");

    private MountedShares() {
    }

    /** The place of a network mount's data, or empty for a local file system. */
    static Optional<StoragePlace> of(MountTable.Mount mount, String device) {
        String type = mount.type().toLowerCase(Locale.ROOT);
        if (!NetworkFileSystems.isNetwork(type)) {
            return Optional.empty();
        }
        List<String> addresses = mount.superOption("addr").map(List::of).orElse(List.of());
        List<String> root = StoragePlaces.segments(mount.root());
        String at = " (mounted at " + mount.mountPoint() + ")";
        String source = mount.source();
        Matcher hostPath = HOST_PATH.matcher(source);
        switch (type) {
            case "nfs", "nfs4", "glusterfs", "fuse.glusterfs", "fuse.sshfs", "sshfs" -> {
                if (hostPath.matches()) {
                    List<String> path = new ArrayList<>();
                    if (!hostPath.group(3).startsWith("/") && type.endsWith("sshfs")) {
                        // a relative path starts in the login's home folder, which differs between users
                        path.add("~" + (hostPath.group(1) == null ? "" : hostPath.group(1)));
                    }
                    path.addAll(StoragePlaces.segments(hostPath.group(3)));
                    path.addAll(root);
                    String family = type.startsWith("nfs") ? "nfs" : type.replace("fuse.", "");
                    Host host = Host.of(hostPath.group(2), addresses);
                    return Optional.of(new StoragePlace("share", family, List.of(host), path, device,
                            SHOWN.get(family) + " " + host.name() + ":/" + String.join("/", path) + at));
                }
            }
            case "cifs", "smb3", "smbfs" -> {
                Matcher unc = UNC.matcher(source.replace('\\', '/'));
                if (unc.matches()) {
                    List<String> path = new ArrayList<>();
                    path.add(unc.group(2).toLowerCase(Locale.ROOT));
                    path.addAll(root);
                    Host host = Host.of(unc.group(1), addresses);
                    return Optional.of(new StoragePlace("share", "smb", List.of(host), path, device, "SMB share //"
                            + host.name() + "/" + String.join("/", path) + at));
                }
            }
            case "ceph", "fuse.cephfs" -> {
                // a Ceph cluster is one storage, whatever path of it is mounted
                Matcher monitors = CEPH_MONITORS.matcher(source);
                if (monitors.matches() && !monitors.group(1).isEmpty()) {
                    List<Host> hosts = new ArrayList<>();
                    for (String monitor : monitors.group(1).split(",")) {
                        hosts.add(Host.of(monitor.replaceFirst(":\\d+$", "")));
                    }
                    return Optional.of(new StoragePlace("share", "ceph", hosts, List.of(), device, "Ceph cluster "
                            + monitors.group(1) + at));
                }
            }
            default -> {
                // below: a source this class cannot read is compared as written
            }
        }
        return Optional.of(new StoragePlace("share", type + " " + source, List.of(), root, device, type + " mount of "
                + source + at));
    }
}
