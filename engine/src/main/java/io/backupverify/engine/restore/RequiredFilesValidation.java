package io.backupverify.engine.restore;

import io.backupverify.engine.check.Finding;
import io.backupverify.engine.format.PgDirectoryDump;
import io.backupverify.engine.util.Glob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Files that must be in the restored data: paths relative to the restored folder, or glob patterns. */
final class RequiredFilesValidation implements Validation {
    private final List<String> required;

    RequiredFilesValidation(List<String> required) {
        this.required = List.copyOf(required);
    }

    @Override
    public String describe() {
        return "required " + String.join(", ", required);
    }

    @Override
    public List<Finding> run(Restored restored, RestoreJob job) throws IOException {
        List<String> present = RestoredFiles.list(restored.folder());
        List<Finding> findings = new ArrayList<>();
        for (String name : required) {
            boolean found = name.contains("*") || name.contains("?")
                    ? present.stream().anyMatch(Glob.compile(name)::matches)
                    : Files.isRegularFile(restored.folder().resolve(name), LinkOption.NOFOLLOW_LINKS);
            Path folder = restored.folder().resolve(name);
            if (!found && !name.contains("*") && !name.contains("?")
                    && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                // a pg_dump -Fd directory-format dump is a folder where a file is expected
                Set<String> names;
                try (Stream<Path> files = Files.list(folder)) {
                    names = files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                            .map(file -> file.getFileName().toString()).collect(Collectors.toSet());
                }
                PgDirectoryDump.check(names, file -> Files.newInputStream(folder.resolve(file)))
                        .ifPresent(problem -> findings.add(problem.error() ? Finding.error(name, problem.message())
                                : Finding.fail(name, problem.message())));
            } else if (!found) {
                findings.add(Finding.fail(name, "required file is not in the restored data"));
            }
        }
        return findings;
    }

    /** The regular files below a restored folder, as relative paths with {@code /}. */
    static final class RestoredFiles {
        private RestoredFiles() {
        }

        static List<String> list(Path folder) throws IOException {
            try (Stream<Path> walk = Files.walk(folder)) {
                return walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                        .map(path -> folder.relativize(path).toString().replace('\\', '/')).toList();
            }
        }
    }
}
