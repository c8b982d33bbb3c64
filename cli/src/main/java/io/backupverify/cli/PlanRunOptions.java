package io.backupverify.cli;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.run.VerifyOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the commands that run a plan ({@code verify}, {@code restore-test}) take alike: the plan, its reports, which
 * sets, the run number, the credentials file and the history folder; and how they are checked and loaded.
 */
final class PlanRunOptions {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML).")
    private Path plan;

    @Mixin
    private ReportOptions reports;

    @Option(names = "--set", paramLabel = "NAME", description = "Run ${COMMAND-NAME} on this set only (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--run-number", paramLabel = "N",
            description = "Run number (Jenkins passes its own; default: with --history, verify takes the number "
                    + "after the latest recorded verify run of the same plan and sets, else the day number): it picks "
                    + "the integrity sample, and seeds select: { random-within: ... } of restore tests.")
    private Long runNumber;

    /** The variable that names the credentials file when {@code --credentials} does not. */
    static final String CREDENTIALS_VARIABLE = "BACKUP_VERIFY_CREDENTIALS";

    @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:" + CREDENTIALS_VARIABLE + "}",
            description = "Credentials for targets and database servers that name a credentialsId (YAML, readable "
                    + "by you alone); default: $BACKUP_VERIFY_CREDENTIALS. See docs/credentials.md.")
    private Path credentials;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Record this run in the history folder DIR (one small file per run; verify also keeps "
                    + "the coverage ledger there) for `backup-verify audit`.")
    private Path history;

    /** The options as {@link QuickCommandLine} read them. */
    static PlanRunOptions of(QuickCommandLine.Parsed parsed) {
        PlanRunOptions options = new PlanRunOptions();
        options.plan = parsed.plan();
        options.reports = ReportOptions.of(parsed);
        options.sets.addAll(parsed.sets());
        String runNumber = parsed.value("--run-number");
        options.runNumber = runNumber == null ? null : Long.valueOf(runNumber);
        options.credentials = parsed.path("--credentials");
        options.history = parsed.path("--history");
        return options;
    }

    /** A plan read and checked, with the credentials its targets may name. */
    record Loaded(Plan plan, CredentialResolver credentials) {
    }

    void checkRunNumber() throws UsageException {
        if (runNumber != null && runNumber < 0) {
            throw new UsageException("--run-number cannot be negative");
        }
    }

    /** Checks the options and reads the plan (only the named sets) and the credentials file. */
    Loaded load() throws UsageException {
        checkRunNumber();
        reports.check(plan);
        HistoryOption.check(history);
        Plan loaded = PlanLoader.load(plan, sets);
        return new Loaded(loaded, CommandLineCredentials.resolver(credentials));
    }

    /** Whether {@code --run-number} was given. */
    boolean runNumberGiven() {
        return runNumber != null;
    }

    /** The run's options: the named sets and the run number given, on top of {@code base}. */
    VerifyOptions options(VerifyOptions base) {
        VerifyOptions options = base.withSets(sets);
        return runNumber == null ? options : options.withRunNumber(runNumber);
    }

    Path plan() {
        return plan;
    }

    List<String> sets() {
        return sets;
    }

    ReportOptions reports() {
        return reports;
    }

    Path history() {
        return history;
    }
}
