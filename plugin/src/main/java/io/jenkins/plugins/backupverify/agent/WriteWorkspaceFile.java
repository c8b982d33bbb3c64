package io.jenkins.plugins.backupverify.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * Writes a report into the workspace (for the {@code junit} step, say), creating its folder. Returns null when
 * written, or why not: a path that leaves the workspace is refused.
 *
 * @param path the file, relative to the workspace
 * @param text the content, written as UTF-8
 */
public record WriteWorkspaceFile(String path, String text) implements ControllerToAgentFileCallable<String> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    @CheckForNull
    public String invoke(File workspace, VirtualChannel channel) throws IOException {
        Path file = WorkspacePaths.inside(workspace, path);
        if (file == null) {
            return path + " is outside the workspace; give a path relative to the workspace";
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return null;
    }

    @Override
    public String toString() {
        return "writing " + path;
    }
}
