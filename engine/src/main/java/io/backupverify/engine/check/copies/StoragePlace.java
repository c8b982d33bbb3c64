package io.backupverify.engine.check.copies;

import java.util.List;

/**
 * The storage that holds a copy, as far as the plan and this machine can tell: a local file system (by device
 * number), an export or share mounted from a server, an S3 bucket, an Azure container, a folder on an SFTP or REST
 * server, a restic repository. Two copies in places that share storage are lost together (a disk that dies, a bucket
 * deleted or emptied with one key), so they are one copy for the 3-2-1 rule.
 *
 * @param kind   what kind of storage: {@code device}, {@code share}, {@code s3}, {@code azure}, {@code sftp},
 *               {@code rest}, {@code restic}
 * @param server what must be equal besides the host: a device number, a port, a kind of share, an account
 * @param hosts  the servers it is on (none for a local disk, an Azure account or Amazon S3); places on hosts that
 *               share no name and no address are on different servers
 * @param path   the folders inside it that hold the copy, outermost first; a place inside another shares its
 *               storage (a bucket holds every prefix in it, a folder every folder below it)
 * @param device the device number of the file system on this machine, or null; the same device is the same storage
 *               whatever else differs
 * @param shown  the place for messages, without secrets
 */
record StoragePlace(String kind, String server, List<Host> hosts, List<String> path, String device, String shown) {
    StoragePlace {
        hosts = List.copyOf(hosts);
        path = List.copyOf(path);
    }

    /**
     * Whether both places are on the same storage: the same device, or the same kind and server on the same host, one
     * place equal to or inside the other.
     */
    boolean shares(StoragePlace other) {
        if (device != null && device.equals(other.device)) {
            return true;
        }
        if (!kind.equals(other.kind) || !server.equals(other.server) || !sameHost(other)) {
            return false;
        }
        int common = Math.min(path.size(), other.path.size());
        return path.subList(0, common).equals(other.path.subList(0, common));
    }

    /** Whether both are on one host (or neither names one). */
    boolean sameHost(StoragePlace other) {
        if (hosts.isEmpty() && other.hosts.isEmpty()) {
            return true;
        }
        return hosts.stream().anyMatch(h -> other.hosts.stream().anyMatch(h::sameAs));
    }

    /** Whether a host of it could not be resolved here, so that it is compared by name only. */
    boolean hasUnresolvedHost() {
        return hosts.stream().anyMatch(Host::unresolved);
    }
}
