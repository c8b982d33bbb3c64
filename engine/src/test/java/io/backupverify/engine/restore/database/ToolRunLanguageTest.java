package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The restore tells a server it cannot reach (ERROR) from a dump that fails (FAIL) by psql's words, which psql and
 * libpq translate: on a machine set to German the real psql says "Verbindung zum Server ... fehlgeschlagen". The
 * tools run with their messages in English whatever the machine's language.
 */
class ToolRunLanguageTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LANGUAGE=de", "LANGUAGE=de LC_ALL=C.UTF-8", "LANGUAGE=de LC_MESSAGES=C.UTF-8"})
    void psqlSpeaksEnglishWhateverTheMachinesLanguage(String machine) throws Exception {
        Optional<Path> psql = ClientTools.find("psql");
        assumeTrue(psql.isPresent(), "psql is installed (.ci/run installs it)");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, String> environment = new HashMap<>();
        for (String setting : machine.split(" ")) {
            environment.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }

        ToolRun.Outcome outcome = new ToolRun(List.of(psql.get().toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(closed), "--no-password", "--command", "SELECT 1"), environment, work)
                .run(Duration.ofMinutes(1));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.outputTail()).contains("connection to server at \"127.0.0.1\"")
                .doesNotContain("Verbindung");
    }

    @org.junit.jupiter.api.Test
    void theMachinesLcAllStaysForEverythingButMessages() {
        Map<String, String> environment = new HashMap<>(Map.of("LC_ALL", "de_DE.UTF-8", "LANGUAGE", "de:en",
                "LC_TIME", "en_GB.UTF-8", "LANG", "fr_FR.UTF-8"));

        ToolRun.inEnglish(environment);

        assertThat(environment).doesNotContainKeys("LC_ALL", "LANGUAGE").containsEntry("LC_MESSAGES", "C")
                .containsEntry("LC_CTYPE", "de_DE.UTF-8").containsEntry("LC_TIME", "de_DE.UTF-8")
                .containsEntry("LC_COLLATE", "de_DE.UTF-8").containsEntry("LANG", "fr_FR.UTF-8");
    }
}
