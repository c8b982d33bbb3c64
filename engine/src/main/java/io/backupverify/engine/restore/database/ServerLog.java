package io.backupverify.engine.restore.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server's log, for a message about why it did not start. */
final class ServerLog {
    private ServerLog() {
    }

    static String lastLines(Path log, int count) {
        try {
            if (!Files.isRegularFile(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - count), lines.size());
            return tail.isEmpty() ? "" : " (server log: " + String.join(" / ", tail) + ")";
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}
