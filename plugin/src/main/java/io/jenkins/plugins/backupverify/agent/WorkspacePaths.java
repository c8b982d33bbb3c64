package io.jenkins.plugins.backupverify.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths that step arguments name in the workspace, refused when they lead out of it. */
final class WorkspacePaths {
    private WorkspacePaths() {
    }

    /** The path inside the workspace, or null when it is absolute, leaves the workspace or cannot be a path. */
    @CheckForNull
    static Path inside(File workspace, String path) {
        Path root = workspace.toPath().toAbsolutePath().normalize();
        try {
            Path resolved = root.resolve(path).normalize();
            return resolved.startsWith(root) && !resolved.equals(root) ? resolved : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
