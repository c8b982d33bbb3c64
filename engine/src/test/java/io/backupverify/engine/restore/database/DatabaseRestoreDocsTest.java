package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.backupverify.engine.plan.PlanParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every plan and every {@code restore:} example in docs/database-restores.md is a valid plan. */
class DatabaseRestoreDocsTest {
    private static final Path DOC = Path.of("..", "docs", "database-restores.md");
    private static final String SET = """
            backupSets:
              - name: db
                target: { type: local, path: backups }
                layout: { kind: file-per-backup, namePattern: "db-{yyyy-MM-dd}.dump" }
                restoreTest:
            %s
            """;

    @Test
    void theExamplesValidate() throws Exception {
        String text = Files.readString(DOC);
        Matcher blocks = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> plans = new ArrayList<>();
        while (blocks.find()) {
            String block = blocks.group(1);
            if (block.startsWith("backupSets:")) {
                plans.add(block);
                continue;
            }
            for (String restore : block.split("\\n(?=restore:)")) {
                plans.add(SET.formatted(restore.strip().indent(6).stripTrailing()));
            }
        }
        assertThat(plans).hasSizeGreaterThanOrEqualTo(6);
        for (String plan : plans) {
            assertThatCode(() -> new PlanParser().parse(plan, "docs example", Path.of(".")))
                    .as(plan).doesNotThrowAnyException();
        }
    }
}
