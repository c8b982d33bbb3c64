package io.backupverify.cli;

import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Loads a plan and checks the set names asked for on the command line. The plan a command names right after its
 * name can be parsed ahead, on a thread of its own while the command line is still being set up, so that the two
 * halves of start-up overlap on a machine with a core to spare; the command takes that result (the same plan, or
 * the same error) when it asks for the same file.
 */
final class PlanLoader {
    private static final Set<String> COMMANDS_WITH_PLAN = Set.of("verify", "restore-test", "validate", "audit");
    private static Pending pending;

    private record Pending(Path file, FutureTask<Plan> parse) {
    }

    private PlanLoader() {
    }

    /** Starts parsing the plan of {@code backup-verify COMMAND PLAN ...} ahead, when the arguments begin so. */
    static synchronized void parseAhead(String[] args) {
        pending = null;
        if (args.length < 2 || !COMMANDS_WITH_PLAN.contains(args[0]) || args[1].startsWith("-")) {
            return;
        }
        Path file;
        try {
            file = Path.of(args[1]);
        } catch (java.nio.file.InvalidPathException e) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            return;
        }
        FutureTask<Plan> parse = new FutureTask<>(() -> new PlanParser().parse(file));
        Thread reader = new Thread(parse, "plan-reader");
        reader.setDaemon(true);
        reader.start();
        pending = new Pending(file, parse);
    }

    static Plan load(Path file, List<String> sets) throws UsageException {
        try {
            Plan plan = parse(file);
            plan.requireSets(sets);
            return plan;
        } catch (PlanException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Plan parse(Path file) throws PlanException {
        Pending ahead = take(file);
        if (ahead != null) {
            try {
                return ahead.parse().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PlanException problem) {
                    throw problem;
                }
                if (e.getCause() instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
            }
        }
        return new PlanParser().parse(file);
    }

    private static synchronized Pending take(Path file) {
        Pending ahead = pending;
        pending = null;
        return ahead != null && ahead.file().equals(file) ? ahead : null;
    }
}
