package io.backupverify.engine.check.copies;

import java.util.List;

/**
 * The storage that holds a copy, as far as the plan and this machine can tell: a local file system (by device
 * number), an S3 bucket, an Azure container, a folder on an SFTP or REST server, a restic repository. Two copies
 * in places that share storage are lost together (a disk that dies, a bucket deleted or emptied with one key), so
 * they are one copy for the 3-2-1 rule.
 *
 * @param kind   what kind of storage: {@code device}, {@code s3}, {@code azure}, {@code sftp}, {@code rest},
 *               {@code restic}
 * @param server the server or file system: a device number, a normalized host and port, an account
 * @param path   the folders inside it that hold the copy, outermost first; a place inside another shares its
 *               storage (a bucket holds every prefix in it, a folder every folder below it)
 * @param shown  the place for messages, without secrets
 */
record StoragePlace(String kind, String server, List<String> path, String shown) {
    StoragePlace {
        path = List.copyOf(path);
    }

    /** Whether both places are on the same storage: the same server, one place equal to or inside the other. */
    boolean shares(StoragePlace other) {
        if (!kind.equals(other.kind) || !server.equals(other.server)) {
            return false;
        }
        int common = Math.min(path.size(), other.path.size());
        return path.subList(0, common).equals(other.path.subList(0, common));
    }
}
