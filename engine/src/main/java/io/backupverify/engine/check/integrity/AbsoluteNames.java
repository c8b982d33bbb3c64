package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Absolute names in a manifest, as {@code sha256sum /srv/backups/nightly-2026-11-29/*} writes them. On a local
 * target a name is the file it names when that lies inside the backup being verified (by the folder's path as
 * configured or its real path); on other targets, where the writer's paths cannot be resolved, a name is taken to
 * mean the file below the last folder named like the backup. Nothing outside the backup is ever opened.
 */
final class AbsoluteNames {
    private final Backup backup;
    private final List<Path> folders = new ArrayList<>();
    private final boolean local;

    AbsoluteNames(Target target, Backup backup) {
        this.backup = backup;
        Optional<Path> folder = target.localPath(backup.path());
        this.local = folder.isPresent();
        folder.ifPresent(path -> {
            folders.add(path);
            try {
                Path real = path.toRealPath();
                if (!real.equals(path)) {
                    folders.add(real);
                }
            } catch (IOException e) {
                // The folder as configured is still compared.
            }
        });
    }

    static boolean isAbsolute(String name) {
        return name.startsWith("/");
    }

    /** The path inside the backup that an absolute name means, or empty when it points elsewhere. */
    Optional<String> inside(String name) {
        if (!local) {
            String marker = "/" + backup.id() + "/";
            int at = name.lastIndexOf(marker);
            return at < 0 ? Optional.empty() : BackupPaths.resolve("", name.substring(at + marker.length()));
        }
        Path named;
        try {
            named = Path.of(name).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        for (Path folder : folders) {
            if (named.startsWith(folder) && !named.equals(folder)) {
                return BackupPaths.resolve("", folder.relativize(named).toString().replace('\\', '/'));
            }
        }
        return Optional.empty();
    }

    /** Where the backup lies, for messages. */
    String where() {
        return local ? folders.get(0).toString() : "the backup " + backup.id();
    }
}
