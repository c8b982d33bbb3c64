package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plan the documentation shows runs as written: each YAML example in README.md and docs/ that is a whole
 * plan ({@code backupSets:}) passes {@code backup-verify validate}, and each that shows the keys of one check is
 * put into a minimal plan and passes too.
 */
class DocumentedPlansTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
    private static final Set<String> CHECKS = Set.of("freshness", "completeness", "integrity", "retention",
            "window", "capacity");

    @TempDir
    Path dir;

    private record Example(String where, String plan) {
    }

    private static Path checkout() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
    }

    private static List<Example> examples() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(checkout().resolve("README.md"));
        try (Stream<Path> docs = Files.list(checkout().resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Example> examples = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher block = YAML_BLOCK.matcher(text);
            while (block.find()) {
                String yaml = block.group(1);
                String where = checkout().relativize(page) + " line "
                        + (text.substring(0, block.start()).split("\n", -1).length);
                if (yaml.lines().anyMatch(line -> line.startsWith("backupSets:"))) {
                    examples.add(new Example(where, yaml));
                } else if (isChecksOnly(yaml)) {
                    examples.add(new Example(where, """
                            backupSets:
                              - name: example
                                target: { type: local, path: backups }
                                checks:
                            """ + yaml.indent(6)));
                }
            }
        }
        return examples;
    }

    /** A block whose top-level keys are all checks, such as {@code freshness: { maxAge: 26h }}. */
    private static boolean isChecksOnly(String yaml) {
        List<String> keys = yaml.lines().filter(line -> !line.isBlank() && !line.startsWith(" ")
                && !line.startsWith("#")).map(line -> line.split(":", 2)[0].trim()).toList();
        return !keys.isEmpty() && CHECKS.containsAll(keys);
    }

    @Test
    void everyDocumentedPlanValidates() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).as("plan examples found in the docs").hasSizeGreaterThan(10);
        List<String> refused = new ArrayList<>();
        for (Example example : examples) {
            Path plan = dir.resolve("plan.yaml");
            Files.writeString(plan, example.plan());
            CommandRunner result = CommandRunner.run("validate", plan.toString());
            if (result.exitCode() != 0) {
                refused.add(example.where() + ": " + result.err().strip());
            }
        }
        assertThat(refused).as("documented plans that do not validate").isEmpty();
    }
}
