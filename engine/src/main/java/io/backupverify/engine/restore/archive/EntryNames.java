package io.backupverify.engine.restore.archive;

import io.backupverify.engine.restore.RestoreRefusedException;
import java.util.ArrayList;
import java.util.List;

/** Turns an archive entry's name into path segments below the scratch folder, or refuses it. */
final class EntryNames {
    private EntryNames() {
    }

    /**
     * The segments of a name: {@code ./a//b/} is {@code [a, b]}; empty for the archive's root folder.
     *
     * @throws RestoreRefusedException for an absolute name, a name with {@code ..} or a NUL character
     */
    static List<String> segments(String name, String item) throws RestoreRefusedException {
        if (name == null || name.isEmpty()) {
            throw new RestoreRefusedException(item, "refused: an entry without a name");
        }
        if (name.indexOf('\0') >= 0) {
            throw new RestoreRefusedException(item, "refused: the name holds a NUL character");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:[\\\\/].*") || name.startsWith("\\\\")) {
            throw new RestoreRefusedException(item, "refused: an absolute path; entries must stay below the "
                    + "scratch folder");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new RestoreRefusedException(item, "refused: the name climbs out with '..'");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
