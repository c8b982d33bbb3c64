package io.backupverify.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private static final Path PLANS = Path.of("/plans");

    @Test
    void resolvesRelativePathsAgainstThePlanFolder() throws IOException {
        assertThat(Targets.localPath("backups/orders", PLANS)).isEqualTo(Path.of("/plans/backups/orders"));
        assertThat(Targets.localPath("/srv/orders", PLANS)).isEqualTo(Path.of("/srv/orders"));
    }

    @Test
    void expandsTheHomeFolder() throws IOException {
        Path home = Path.of(System.getProperty("user.home"));

        assertThat(Targets.localPath("~/backups", PLANS)).isEqualTo(home.resolve("backups"));
        assertThat(Targets.localPath("~", PLANS)).isEqualTo(home);
        assertThat(Targets.localPath("~other/x", PLANS)).isEqualTo(Path.of("/plans/~other/x"));
    }

    @Test
    void anImpossiblePathIsAnIoErrorNotACrash() {
        assertThatThrownBy(() -> Targets.localPath("bad\0name", PLANS)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a valid path");
    }
}
