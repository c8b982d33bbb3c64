package io.backupverify.engine.restore;

import io.backupverify.engine.check.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a restore produced: the restored folder (for database kinds, a folder that may hold nothing), the
 * variables a validation command gets to find it, and how much was restored. Database kinds may extend this to
 * carry what their validations need (a JDBC URL, say).
 */
public class Restored {
    /** The variable a validation command finds the restored folder in. */
    public static final String FOLDER_VARIABLE = "BACKUP_VERIFY_RESTORED";

    private final Path folder;
    private final Map<String, String> environment;
    private final long files;
    private final long bytes;
    private final List<Finding> findings;

    public Restored(Path folder, Map<String, String> environment, long files, long bytes, List<Finding> findings) {
        this.folder = folder;
        this.environment = Map.copyOf(environment);
        this.files = files;
        this.bytes = bytes;
        this.findings = List.copyOf(findings);
    }

    /** A restored folder with {@link #FOLDER_VARIABLE} set to it. */
    public static Restored folder(Path folder, long files, long bytes, List<Finding> findings) {
        return new Restored(folder, Map.of(FOLDER_VARIABLE, folder.toString()), files, bytes, findings);
    }

    /** What the restore noticed without failing (a file that is no archive, say). */
    public List<Finding> findings() {
        return findings;
    }

    public Path folder() {
        return folder;
    }

    /** Variables for validation commands: where the restored data is. Never a secret. */
    public Map<String, String> environment() {
        return environment;
    }

    public long files() {
        return files;
    }

    public long bytes() {
        return bytes;
    }
}
