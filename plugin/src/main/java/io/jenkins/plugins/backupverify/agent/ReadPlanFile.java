package io.jenkins.plugins.backupverify.agent;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * Reads a plan file in the workspace on its node, for the controller to parse. It refuses, before reading, paths that
 * leave the workspace, anything but a regular file, and files larger than the YAML reader accepts, so a plan
 * argument cannot make the controller read a device or a huge file into memory.
 *
 * @param path the plan file, relative to the workspace
 */
public record ReadPlanFile(String path) implements ControllerToAgentFileCallable<ReadPlanFile.Content> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The most a plan may have: SnakeYAML's default code point limit, which the engine's parser applies. */
    public static final long MAX_BYTES = 3L * 1024 * 1024;

    /**
     * The plan's text, or why it was not read.
     *
     * @param text    the UTF-8 text, or null
     * @param problem what is wrong with the file, or null
     */
    public record Content(@CheckForNull String text, @CheckForNull String problem) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Content invoke(File workspace, VirtualChannel channel) throws IOException {
        Path file = WorkspacePaths.inside(workspace, path);
        if (file == null) {
            return refused("is outside the workspace; give a path relative to the workspace");
        }
        if (!Files.exists(file)) {
            return refused("does not exist in the workspace");
        }
        if (!Files.isRegularFile(file)) {
            return refused("is not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            return refused(String.format(Locale.ROOT, "has %,d bytes; a plan may have at most %,d", size, MAX_BYTES));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1); // never more, also when the file grows meanwhile
        }
        if (bytes.length > MAX_BYTES) {
            return refused("grew beyond " + MAX_BYTES + " bytes while it was read");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Content(text, null);
        } catch (CharacterCodingException e) {
            return refused("is not UTF-8 text");
        }
    }

    private Content refused(String why) {
        return new Content(null, "the plan file " + path + " " + why);
    }
}
