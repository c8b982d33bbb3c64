package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTest {
    private static final String PLAN = """
            backupSets:
              - name: %s
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "b-{yyyy-MM-dd}" }
                checks:
                  freshness: { maxAge: 26h }
            """;

    @TempDir
    Path dir;

    private Path plan(String name, String set) throws Exception {
        return Files.writeString(dir.resolve(name), PLAN.formatted(set));
    }

    @Test
    void thePlanParsedAheadIsTheOneTheCommandLoads() throws Exception {
        Path file = plan("plan.yaml", "web");
        PlanLoader.parseAhead(new String[] {"verify", file.toString(), "--json", "r.json"});
        Plan loaded = PlanLoader.load(file, List.of("web"));
        assertThat(loaded.backupSets()).extracting(set -> set.name()).containsExactly("web");
    }

    @Test
    void anotherFileThanTheOneParsedAheadIsParsedItself() throws Exception {
        Path ahead = plan("a.yaml", "first");
        Path asked = plan("b.yaml", "second");
        PlanLoader.parseAhead(new String[] {"restore-test", ahead.toString()});
        assertThat(PlanLoader.load(asked, List.of()).backupSets()).extracting(set -> set.name())
                .containsExactly("second");
        // what was parsed ahead is not kept for a later command
        Files.writeString(ahead, PLAN.formatted("changed"));
        assertThat(PlanLoader.load(ahead, List.of()).backupSets()).extracting(set -> set.name())
                .containsExactly("changed");
    }

    @Test
    void aBrokenPlanParsedAheadGivesTheSameMessageAsParsedInTurn() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), PLAN.formatted("web").replace("maxAge", "maxAgee"));
        String inTurn = null;
        try {
            PlanLoader.load(file, List.of());
        } catch (UsageException e) {
            inTurn = e.getMessage();
        }
        assertThat(inTurn).contains("broken.yaml").contains("maxAgee");
        PlanLoader.parseAhead(new String[] {"validate", file.toString()});
        assertThatThrownBy(() -> PlanLoader.load(file, List.of())).isInstanceOf(UsageException.class)
                .hasMessage(inTurn);
    }

    @Test
    void argumentsThatDoNotStartWithACommandAndAPlanFileStartNothing() throws Exception {
        Path file = plan("plan.yaml", "web");
        PlanLoader.parseAhead(new String[] {"demo", dir.toString()});
        PlanLoader.parseAhead(new String[] {"verify", "--json", "r.json", file.toString()});
        PlanLoader.parseAhead(new String[] {"verify", dir.resolve("missing.yaml").toString()});
        PlanLoader.parseAhead(new String[] {"--version"});
        assertThat(PlanLoader.load(file, List.of()).backupSets()).hasSize(1);
    }
}
