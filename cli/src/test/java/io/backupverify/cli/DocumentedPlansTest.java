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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plan the documentation shows runs as written: each YAML example in README.md and docs/ that is a whole
 * plan ({@code backupSets:}) passes {@code backup-verify validate}, and each that shows a part of one is put where it
 * belongs in a minimal plan and passes too: checks into a set's {@code checks}, a set's keys ({@code target},
 * {@code restoreTest}, ...) into a set, each {@code restore:} alternative into a {@code restoreTest}, and an
 * {@code audit:} section beside the sets. Blocks that are no plan (credentials files, JCasC) are left out.
 */
class DocumentedPlansTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
    private static final Set<String> CHECKS = Set.of("freshness", "completeness", "integrity", "retention",
            "window", "capacity", "readable", "encryption", "access", "immutability", "copies");
    private static final Set<String> SET_KEYS = Set.of("target", "layout", "checks", "restoreTest");
    /** A set that the examples' {@code copies.at} may name, then the start of the set an example goes into. */
    private static final String SETS = """
            backupSets:
              - name: orders-db-offsite
                target: { type: local, path: offsite }
                checks: { freshness: { maxAge: 26h } }
              - name: example
            """;
    private static final String TARGET = "    target: { type: local, path: backups }\n";
    private static final String CHECK = "    checks: { freshness: { maxAge: 26h } }\n";

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
                String yaml = block.group(1).stripIndent();
                String where = checkout().relativize(page) + " line "
                        + (text.substring(0, block.start()).split("\n", -1).length);
                for (String plan : plans(yaml)) {
                    examples.add(new Example(where, plan));
                }
            }
        }
        return examples;
    }

    /** The plans a block shows: itself when whole, else its part in a minimal plan; none when it is no plan. */
    private static List<String> plans(String yaml) {
        if (yaml.lines().anyMatch(line -> line.startsWith("backupSets:"))) {
            return List.of(yaml);
        }
        List<String> entries = topLevelEntries(yaml);
        Set<String> keys = entries.stream().map(entry -> entry.split(":", 2)[0].trim())
                .collect(Collectors.toSet());
        if (keys.isEmpty()) {
            return List.of();
        }
        if (CHECKS.containsAll(keys)) {
            return List.of(SETS + TARGET + "    checks:\n" + yaml.indent(6));
        }
        if (SET_KEYS.containsAll(keys)) {
            return List.of(SETS + (keys.contains("target") ? "" : TARGET) + yaml.indent(4)
                    + (keys.contains("checks") ? "" : CHECK));
        }
        if (keys.equals(Set.of("audit"))) {
            return List.of(SETS + TARGET + CHECK + yaml);
        }
        if (keys.equals(Set.of("restore"))) {
            // alternatives, one restore: each
            return entries.stream().map(entry -> SETS + TARGET + CHECK + "    restoreTest:\n      rto: 45m\n"
                    + entry.indent(6)).toList();
        }
        return List.of();
    }

    /** Each top-level key of a block with the lines indented below it. */
    private static List<String> topLevelEntries(String yaml) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = null;
        for (String line : yaml.lines().toList()) {
            if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("#")) {
                if (entry != null) {
                    entries.add(entry.toString());
                }
                entry = new StringBuilder();
            }
            if (entry != null) {
                entry.append(line).append('\n');
            }
        }
        if (entry != null) {
            entries.add(entry.toString());
        }
        return entries;
    }

    @Test
    void everyDocumentedPlanValidates() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).as("plan examples found in the docs").hasSizeGreaterThan(30);
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
