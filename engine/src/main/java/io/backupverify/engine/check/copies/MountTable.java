package io.backupverify.engine.check.copies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mounts of this machine as {@code /proc/self/mountinfo} lists them (format: proc(5)), to tell which mount a
 * folder is on and where that mount's data comes from (an NFS server and export, an SMB share).
 */
final class MountTable {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private final List<Mount> mounts;

    private MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    /**
     * One line of mountinfo.
     *
     * @param device       the file system's device as {@code major:minor}
     * @param root         the folder of the file system mounted here ({@code /} for all of it, a sub-folder for a bind
     *                     mount)
     * @param mountPoint   where it is mounted
     * @param type         the file system type ({@code nfs4}, {@code cifs}, {@code fuse.sshfs} ...)
     * @param source       where its data comes from ({@code nas:/export}, {@code //nas/share}, {@code /dev/sda1})
     * @param superOptions the file system's own options ({@code addr=} names an NFS or SMB server's address)
     */
    record Mount(String device, String root, Path mountPoint, String type, String source, String superOptions) {
        /** Whether this mount holds a file with this {@code st_dev} (glibc's encoding of major and minor). */
        boolean holds(long stDev) {
            long major = ((stDev >>> 8) & 0xfff) | ((stDev >>> 32) & ~0xfffL);
            long minor = (stDev & 0xff) | ((stDev >>> 12) & ~0xffL);
            return device.equals(major + ":" + minor);
        }

        /** The value of a super option, such as {@code addr}. */
        Optional<String> superOption(String name) {
            for (String option : superOptions.split(",")) {
                if (option.startsWith(name + "=")) {
                    return Optional.of(option.substring(name.length() + 1));
                }
            }
            return Optional.empty();
        }
    }

    /** This machine's mounts; none where there is no {@code /proc/self/mountinfo} (not Linux). */
    static MountTable read() {
        try {
            return parse(Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return new MountTable(List.of());
        }
    }

    /** Mounts from mountinfo lines; a line not in its format is skipped. */
    static MountTable parse(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            int separator = List.of(fields).indexOf("-");
            if (separator < 6 || separator + 2 >= fields.length) {
                continue;
            }
            mounts.add(new Mount(fields[2], unescape(fields[3]), Path.of(unescape(fields[4])),
                    unescape(fields[separator + 1]), unescape(fields[separator + 2]),
                    separator + 3 < fields.length ? unescape(fields[separator + 3]) : ""));
        }
        return new MountTable(mounts);
    }

    /**
     * The mount a folder (its real path, links resolved) is on: the one whose mount point is the longest that holds
     * it, the last listed of those on the same point (a later mount hides an earlier one).
     */
    Optional<Mount> mountOf(Path realPath) {
        Mount found = null;
        for (Mount mount : mounts) {
            if (realPath.startsWith(mount.mountPoint()) && (found == null
                    || mount.mountPoint().getNameCount() >= found.mountPoint().getNameCount())) {
                found = mount;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Undoes mountinfo's octal escapes of space, tab, newline and backslash ({@code \040}). */
    private static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static boolean isOctal(String field, int from) {
        if (from + 3 > field.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
