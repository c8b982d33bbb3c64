package io.backupverify.engine.restore;

import io.backupverify.engine.check.Check;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.RestoreSpec;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the restore tests of a plan: for each set with a {@code restoreTest}, the check {@code restore}. Scratch
 * folders (and databases) earlier runs left behind are removed first, and the results say so. The first test's
 * set-up (its scratch database) begins in the background while its target is listed.
 */
public final class RestoreTester {
    private final RestoreKinds kinds;
    private final ScratchArea scratch;
    private final Function<BackupSetSpec, Target> targetOpener;
    private final CredentialResolver credentials;
    private List<String> staleRemoved = List.of();
    private Map<String, String> again = Map.of();

    /**
     * @param targetOpener opens a set's target; null opens it with {@link Targets#open}
     */
    public RestoreTester(RestoreKinds kinds, ScratchArea scratch, Function<BackupSetSpec, Target> targetOpener,
            CredentialResolver credentials) {
        this.kinds = kinds;
        this.scratch = scratch;
        this.targetOpener = targetOpener;
        this.credentials = credentials;
    }

    public RestoreTester(ScratchArea scratch) {
        this(RestoreKinds.defaults(), scratch, null, CredentialResolver.NONE);
    }

    /** Whether the plan has a restore test for any of the named sets (or for any set, when none are named). */
    public static boolean hasRestoreTests(Plan plan, List<String> sets) {
        return plan.backupSets().stream()
                .anyMatch(set -> set.restoreTest() != null && (sets.isEmpty() || sets.contains(set.name())));
    }

    /**
     * Per set, the backup its previous restore test chose and could not restore and validate: a test that picks
     * {@code random-within} restores that one again while it is kept, instead of another that would pass with the
     * broken one untested (a rebuild, the next night's run).
     */
    public RestoreTester restoringAgain(Map<String, String> backups) {
        again = Map.copyOf(backups);
        return this;
    }

    public RunResult run(Plan plan, VerifyOptions options) throws InterruptedException {
        List<String> removed = new ArrayList<>(scratch.removeStale(options.clock().instant()));
        for (RestoreKind<?> kind : kinds.all()) {
            removed.addAll(kind.removeStale(scratch.root(), options.clock().instant().minus(ScratchArea.STALE_AFTER)));
        }
        staleRemoved = List.copyOf(removed);
        Preparations preparations = prepareFirst(plan, options);
        RestoreSession session = new RestoreSession(kinds, scratch, removed, plan.baseDir(), credentials,
                preparations, again);
        Function<BackupSetSpec, List<Check>> checks = set -> set.restoreTest() == null ? List.of()
                : List.of(new RestoreCheck(set.restoreTest(), session));
        try {
            return new Verifier(targetOpener, checks).verify(plan, options);
        } finally {
            List<String> discarded = preparations.discardUntaken();
            if (!discarded.isEmpty()) {
                List<String> said = new ArrayList<>(staleRemoved);
                said.addAll(discarded);
                staleRemoved = List.copyOf(said);
            }
        }
    }

    /**
     * Begins the set-up of the first restore test of the run in the background (its scratch database is created
     * while the target is listed). Only the first: the tests run one after the other, and a set-up begun for every
     * set at once could start as many database servers.
     */
    private Preparations prepareFirst(Plan plan, VerifyOptions options) {
        Preparations preparations = new Preparations();
        plan.backupSets().stream()
                .filter(set -> set.restoreTest() != null
                        && (options.sets().isEmpty() || options.sets().contains(set.name())))
                .findFirst()
                .ifPresent(set -> prepare(set, preparations));
        return preparations;
    }

    @SuppressWarnings("unchecked")
    private <S extends RestoreSpec> void prepare(BackupSetSpec set, Preparations preparations) {
        S spec = (S) set.restoreTest().restore();
        kinds.find(spec).flatMap(kind -> ((RestoreKind<S>) kind).prepare(spec, scratch.root(), credentials))
                .ifPresent(preparation -> preparations.put(set.name(), preparation));
    }

    /**
     * What the last run found left over from earlier runs and removed (or could not), and the set-up begun early that
     * no test took (its target could not be listed) and was undone, one line each.
     */
    public List<String> staleRemoved() {
        return staleRemoved;
    }
}
