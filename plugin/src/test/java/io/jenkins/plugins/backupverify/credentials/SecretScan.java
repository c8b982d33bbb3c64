package io.jenkins.plugins.backupverify.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** Looks for secrets where they must never be: the build's log, its build.xml and the reports beside it. */
final class SecretScan {
    private SecretScan() {
    }

    /** Fails when any of the secrets is in the log or in any file of the build's folder; the reports must be there. */
    static void assertNowhere(WorkflowRun run, String... secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(run.getRootDir().toPath())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(names(files), containsString("/build.xml"));
        assertThat("the JSON, HTML and JUnit reports are in the build's folder: " + names(files),
                files.stream().filter(SecretScan::isReport).count() >= 3, is(true));
        String log = JenkinsRule.getLog(run);
        for (String secret : secrets) {
            assertThat("the log", log, not(containsString(secret)));
            for (Path file : files) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(file.toString(), text, not(containsString(secret)));
            }
        }
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("-junit.xml") || name.endsWith(".html")
                || name.endsWith(".json") && !name.endsWith("-history.json");
    }

    private static String names(List<Path> files) {
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append('/').append(file.getFileName()).append(' ');
        }
        return all.toString();
    }
}
