package io.backupverify.engine.run;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupCatalog;
import io.backupverify.engine.check.Advice;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.ClockBehind;
import io.backupverify.engine.check.OtherSets;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.Targets;
import io.backupverify.engine.util.IoErrors;
import io.backupverify.engine.util.LinkageErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a plan: for each backup set, opens its target, finds its backups and runs its checks. Whatever cannot be
 * done is an ERROR for the checks it concerns; nothing is skipped silently.
 */
public final class Verifier {
    private final Function<BackupSetSpec, Target> targetOpener;
    private final Function<BackupSetSpec, List<Check>> checkMaker;

    /** A verifier that opens targets with {@link Targets#open}. */
    public Verifier() {
        this(null);
    }

    /**
     * A verifier with its own way to open targets (for example with credentials the caller resolved).
     * The function may throw {@link TargetUnavailableException}.
     */
    public Verifier(Function<BackupSetSpec, Target> targetOpener) {
        this(targetOpener, set -> set.hasChecks() ? CheckFactory.create(set.checks()) : List.of());
    }

    /**
     * A verifier that runs other checks than the plan's {@code checks} (the restore test, say); sets for which
     * {@code checkMaker} gives none are left out of the run.
     */
    public Verifier(Function<BackupSetSpec, Target> targetOpener, Function<BackupSetSpec, List<Check>> checkMaker) {
        this.targetOpener = targetOpener;
        this.checkMaker = checkMaker;
    }

    public RunResult verify(Plan plan, VerifyOptions options) throws InterruptedException {
        Instant started = options.clock().instant();
        List<SetResult> results = new ArrayList<>();
        for (BackupSetSpec set : plan.backupSets()) {
            List<Check> checks = options.sets().isEmpty() || options.sets().contains(set.name())
                    ? checkMaker.apply(set) : List.of();
            if (!checks.isEmpty()) {
                results.add(verifySet(plan, set, checks, started, options));
            }
        }
        return new RunResult(plan.source(), options.runNumber(), started, options.clock().instant(), results);
    }

    private SetResult verifySet(Plan plan, BackupSetSpec set, List<Check> checks, Instant now,
            VerifyOptions options) throws InterruptedException {
        String description = set.target().describe();
        try (Target target = open(plan, set)) {
            description = target.description();
            BackupCatalog catalog = new BackupCatalog(target, set.layout(), plan.timezone(), plan.timezoneStated());
            BackupCatalog.Found found;
            try {
                found = catalog.find();
            } catch (IOException e) {
                return allError(set, description, checks, "cannot list the target: " + IoErrors.describe(e));
            } catch (UncheckedIOException e) {
                return allError(set, description, checks, "cannot list the target: "
                        + IoErrors.describe(e.getCause()));
            }
            Optional<ClockBehind> clockBehind = clockBehind(target, options);
            Instant setNow = clockBehind.map(slow -> now.plus(slow.behind())).orElse(now);
            CheckContext context = new CheckContext(set, target, catalog, found.at(setNow), plan.timezone(),
                    options.runNumber(), options.threads(), options.progress())
                    .withOtherSets(name -> openOther(plan, name)).withCoverageKept(options.keepsCoverage())
                    .withClockBehind(clockBehind).withRecheck(options.recheck(set.name()));
            List<CheckResult> results = new ArrayList<>();
            for (Check check : checks) {
                results.add(runCheck(check, context));
            }
            return new SetResult(set.name(), description, latest(context), found.backups().size(), results);
        } catch (TargetUnavailableException e) {
            return allError(set, description, checks, e.getMessage());
        } catch (IOException e) {
            return allError(set, description, checks, "cannot open the target: " + IoErrors.describe(e));
        } catch (RuntimeException e) {
            // Whatever went wrong with this set, the others are still verified and the reports still written.
            return allError(set, description, checks, "could not run: internal error " + e);
        } catch (LinkageError e) {
            return allError(set, description, checks, "could not run: " + missingLibrary(e));
        }
    }

    /**
     * This machine's clock, read just after the target's listing, against the store's latest answer and the time the
     * caller knows to have passed.
     */
    private static Optional<ClockBehind> clockBehind(Target target, VerifyOptions options) {
        if (!options.checksClock()) {
            return Optional.empty();
        }
        Instant local = options.clock().instant();
        ClockBehind.Witness known = options.laterThan();
        Optional<ClockBehind> behindStore = ClockBehind.of("the store's clock (the time in its answers)",
                target.storeTime(), local);
        return known == null ? behindStore
                : ClockBehind.furthest(behindStore, ClockBehind.of(known.what(), Optional.of(known.time()), local));
    }

    /**
     * A library that an installation leaves out (the Jenkins plugin takes most from other plugins) or that another
     * version replaced: said plainly, so it is an ERROR with a cause instead of a stack trace.
     */
    static String missingLibrary(LinkageError e) {
        return "a library it needs is missing or of another version in this installation ("
                + LinkageErrors.missingClass(e) + ")";
    }

    private Target open(Plan plan, BackupSetSpec set) throws IOException {
        if (targetOpener != null) {
            return targetOpener.apply(set);
        }
        return Targets.open(set.target(), plan.baseDir());
    }

    /** Opens another set of the plan for a check that compares sets, whether or not the run selects it. */
    private OtherSets.OpenedSet openOther(Plan plan, String name) throws IOException {
        BackupSetSpec other = plan.backupSets().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IOException("the plan has no backup set named '" + name + "'"));
        Target target;
        try {
            target = open(plan, other);
        } catch (TargetUnavailableException e) {
            throw new IOException(e.getMessage());
        }
        try {
            BackupCatalog catalog = new BackupCatalog(target, other.layout(), plan.timezone());
            return new OtherSets.OpenedSet(other, target, catalog, catalog.discover());
        } catch (UncheckedIOException e) {
            target.close();
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    static CheckResult runCheck(Check check, CheckContext context) throws InterruptedException {
        long start = System.nanoTime();
        CheckResult result;
        try {
            result = check.run(context);
        } catch (IOException e) {
            result = CheckResult.error(check.id(), "could not run: " + IoErrors.describe(e));
        } catch (RuntimeException e) {
            result = CheckResult.error(check.id(), "could not run: internal error " + e);
        } catch (LinkageError e) {
            result = CheckResult.error(check.id(), "could not run: " + missingLibrary(e));
        }
        // Every check skips the backups dated in the future and the linked ones: each says so, even one that
        // does not name them itself.
        result = Advice.addTo(result.withFindings(context.skippedBackups()), check, context);
        return result.withDuration((System.nanoTime() - start) / 1_000_000);
    }

    private static LatestBackup latest(CheckContext context) {
        if (context.latest().isEmpty()) {
            return null;
        }
        Backup backup = context.latest().get();
        try {
            long[] totals = context.totals(backup);
            return new LatestBackup(backup.id(), backup.time(), totals[0], totals[1]);
        } catch (IOException | UncheckedIOException e) {
            return new LatestBackup(backup.id(), backup.time(), -1, -1);
        }
    }

    private static SetResult allError(BackupSetSpec set, String target, List<Check> checks, String reason) {
        List<CheckResult> results = checks.stream().map(check -> CheckResult.error(check.id(), reason)).toList();
        return new SetResult(set.name(), target, null, 0, results);
    }
}
