package io.backupverify.engine.restore.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a dump is read from: a file or folder on this machine ({@code pg_restore} reads it itself), or a stream
 * from the backup's target that the restore feeds to the tool while it is fetched.
 */
public interface DumpSource {
    /** The dump's name for messages, as the backup names it. */
    String name();

    /** The dump on this machine, when it is there. */
    Optional<Path> localPath();

    /** Reads the dump (a file; not for a directory-format dump). */
    InputStream open() throws IOException;

    static DumpSource local(Path path) {
        return new DumpSource() {
            @Override
            public String name() {
                return path.getFileName().toString();
            }

            @Override
            public Optional<Path> localPath() {
                return Optional.of(path);
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }
        };
    }

    /** A stream opened when the restore starts. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    static DumpSource streamed(String name, Opener opener) {
        return new DumpSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Path> localPath() {
                return Optional.empty();
            }

            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }
        };
    }
}
