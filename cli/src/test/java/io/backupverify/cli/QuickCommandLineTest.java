package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class QuickCommandLineTest {
    private static final String VARIABLE = System.getenv(PlanRunOptions.CREDENTIALS_VARIABLE);

    private static final List<List<String>> PLAIN = List.of(
            List.of("verify", "plan.yaml"),
            List.of("verify", "plan.yaml", "--json", "r.json", "--junit", "j.xml", "--html", "h.html"),
            List.of("verify", "--json=r.json", "plan.yaml", "-q", "--no-color", "--no-progress", "--threads", "4",
                    "--set", "a", "--set", "b", "--run-number", "12", "--credentials", "c.yaml", "--history", "h"),
            List.of("verify", "plan.yaml", "--threads=0", "--run-number=0"),
            List.of("verify", "plan.yaml", "--threads", "123456789", "--run-number", "999999999999999999"),
            List.of("verify", "plan with spaces.yaml", "--json", "a folder/r e.json", "--quiet"),
            List.of("verify", "plan.yaml", "--json=a=b", "--set=x,y"),
            List.of("verify", "help"),
            List.of("verify", "--set", "verify", "--html", "json.html", "plan.yaml"),
            List.of("verify", "--quiet", "true"),
            List.of("verify", "relative/../plan.yaml", "--credentials=/etc/creds.yaml"),
            List.of("restore-test", "plan.yaml"),
            List.of("restore-test", "plan.yaml", "--scratch", "/tmp/s", "--quiet", "--set", "x", "--json", "r.json",
                    "--run-number", "7", "--no-color", "--history=h", "--junit=j.xml", "--html", "h.html"));

    private static final List<List<String>> LEFT_TO_PICOCLI = List.of(
            List.of(), List.of("--version"), List.of("--help"), List.of("audit", "h"), List.of("demo"),
            List.of("validate", "plan.yaml"), List.of("help", "verify"), List.of("frobnicate", "plan.yaml"),
            List.of("verify"), List.of("verify", "--help"), List.of("verify", "plan.yaml", "-h"),
            List.of("verify", "-V"), List.of("verify", "plan.yaml", "--version"),
            List.of("verify", "plan.yaml", "--json"), List.of("verify", "plan.yaml", "--json", ""),
            List.of("verify", "plan.yaml", "--json="), List.of("verify", "plan.yaml", "--json", "-r.json"),
            List.of("verify", "plan.yaml", "--json", "--quiet"), List.of("verify", "a.yaml", "b.yaml"),
            List.of("verify", "plan.yaml", "--threads", "04"), List.of("verify", "plan.yaml", "--threads", "0x10"),
            List.of("verify", "plan.yaml", "--threads", "-1"), List.of("verify", "plan.yaml", "--threads", "+1"),
            List.of("verify", "plan.yaml", "--threads", "1234567890"), List.of("verify", "plan.yaml", "--threads", "many"),
            List.of("verify", "plan.yaml", "--run-number", "-1"),
            List.of("verify", "plan.yaml", "--run-number", "1234567890123456789"),
            List.of("verify", "plan.yaml", "--", "x"), List.of("verify", "--", "plan.yaml"), List.of("verify", "-"),
            List.of("verify", "@args"), List.of("verify", "plan.yaml", "--json", "@r.json"),
            List.of("verify", "plan.yaml", "--quiet", "--quiet"), List.of("verify", "plan.yaml", "-q", "--quiet"),
            List.of("verify", "plan.yaml", "--json", "a", "--json", "b"), List.of("verify", "plan.yaml", "--json=a", "--json", "b"),
            List.of("verify", "plan.yaml", "--quiet=true"), List.of("verify", "plan.yaml", "--unknown"),
            List.of("verify", "plan.yaml", "-qx"), List.of("verify", "plan.yaml", "-q=x"), List.of("verify", "plan.yaml", "--JSON", "r"),
            List.of("verify", "plan.yaml", "--jso", "r"), List.of("verify", "plan.yaml", "--html", "--json.html"),
            List.of("verify", "plan.yaml", "--scratch", "s"),
            List.of("restore-test", "plan.yaml", "--threads", "2"), List.of("restore-test", "plan.yaml", "--no-progress"),
            List.of("verify", "\"plan.yaml\""), List.of("verify", "plan.yaml", "--json", "\"r.json\""),
            List.of("verify", "plan\0.yaml"), List.of("verify", "plan.yaml", "--html", "h\0.html"),
            List.of("VERIFY", "plan.yaml"));

    @Test
    void readsEveryPlainCommandLineAsPicocliDoes() {
        for (List<String> line : PLAIN) {
            String[] args = line.toArray(String[]::new);
            QuickCommandLine.Parsed parsed = QuickCommandLine.parse(args, VARIABLE);

            assertThat(parsed).as("%s", line).isNotNull();
            Object quick = line.get(0).equals("verify") ? VerifyCommand.of(parsed) : RestoreTestCommand.of(parsed);
            assertThat(quick).as("%s", line).usingRecursiveComparison().ignoringFields("spec")
                    .isEqualTo(readByPicocli(args));
        }
    }

    @Test
    void leavesEveryOtherCommandLineToPicocli() {
        for (List<String> line : LEFT_TO_PICOCLI) {
            assertThat(QuickCommandLine.parse(line.toArray(String[]::new), null)).as("%s", line).isNull();
        }
    }

    @Test
    void theCredentialsFileDefaultsToTheVariableAsPicocliDefaultsIt() {
        String[] args = {"verify", "plan.yaml"};

        assertThat(QuickCommandLine.parse(args, "/etc/creds.yaml").path("--credentials"))
                .isEqualTo(Path.of("/etc/creds.yaml"));
        assertThat(QuickCommandLine.parse(args, null).path("--credentials")).isNull();
        assertThat(QuickCommandLine.parse(new String[] {"verify", "plan.yaml", "--credentials", "mine.yaml"},
                "/etc/creds.yaml").path("--credentials")).isEqualTo(Path.of("mine.yaml"));
        assertThat(QuickCommandLine.parse(args, "")).isNull();
        assertThat(QuickCommandLine.parse(args, "${other}")).isNull();
    }

    private static Object readByPicocli(String[] args) {
        Object command = args[0].equals("verify") ? new VerifyCommand() : new RestoreTestCommand();
        CommandLine commandLine = new CommandLine(new BackupVerifyCommand());
        commandLine.addSubcommand(command);
        commandLine.parseArgs(args);
        return command;
    }
}
