package io.backupverify.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the command lines of {@code verify} and {@code restore-test} that are written the plain way without
 * picocli, whose set-up (reading the commands' annotations, its converters and help model) is about a third of a
 * short run's start-up. Plain means: the plan once, and each known option at most once ({@code --set} as often as
 * wanted) as {@code --name value}, {@code --name=value} or a flag, every value non-empty and beginning with neither
 * '-' nor '@', and numbers in plain decimals. Everything else (help, version, a misspelt, repeated or missing option
 * or value, argument files, {@code --}, a second plan) is left to picocli, so every message and help text stays
 * picocli's own; {@code QuickCommandLineTest} checks that both read each plain command line alike.
 */
final class QuickCommandLine {
    private static final Set<String> PLAN_RUN_FLAGS = Set.of("--quiet", "--no-color");
    private static final Set<String> PLAN_RUN_VALUES = Set.of("--json", "--junit", "--html", "--set",
            "--run-number", "--credentials", "--history");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "verify", union(PLAN_RUN_FLAGS, Set.of("--no-progress")),
            "restore-test", PLAN_RUN_FLAGS);
    private static final Map<String, Set<String>> VALUES = Map.of(
            "verify", union(PLAN_RUN_VALUES, Set.of("--threads")),
            "restore-test", union(PLAN_RUN_VALUES, Set.of("--scratch")));
    /**
     * The options that take whole numbers, with the most digits read here: within those, plain decimals without a
     * sign or a leading zero are read alike by picocli's converters and by {@code Integer}/{@code Long.valueOf}.
     */
    private static final Map<String, Integer> NUMBERS = Map.of("--threads", 9, "--run-number", 18);

    private QuickCommandLine() {
    }

    /** The command line read: the plan, the options given once, the flags given and the sets named. */
    record Parsed(Path plan, Map<String, String> values, Set<String> flags, List<String> sets) {
        String value(String option) {
            return values.get(option);
        }

        Path path(String option) {
            String value = values.get(option);
            return value == null ? null : Path.of(value);
        }

        boolean flag(String option) {
            return flags.contains(option);
        }
    }

    /**
     * Runs {@code args} as picocli would when they are a plain command line of {@code verify} or
     * {@code restore-test}, and returns the exit code; returns null, having done nothing, for any other.
     */
    static Integer execute(String[] args, PrintWriter out, PrintWriter err) {
        Parsed parsed = parse(args, System.getenv(PlanRunOptions.CREDENTIALS_VARIABLE));
        if (parsed == null) {
            return null;
        }
        try {
            return args[0].equals("verify") ? VerifyCommand.of(parsed).execute(out, err)
                    : RestoreTestCommand.of(parsed).execute(out, err);
        } catch (RuntimeException e) {
            // As picocli's execution exception handler, set up in BackupVerifyCommand.execute, reports it.
            err.println("error: internal error: " + e);
            return ExitCodes.ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Reads a plain command line, with {@code credentialsVariable} as the value of the variable that
     * {@code --credentials} defaults to; null when picocli must read it.
     */
    static Parsed parse(String[] args, String credentialsVariable) {
        Set<String> flagNames = args.length > 0 ? FLAGS.get(args[0]) : null;
        if (flagNames == null) {
            return null;
        }
        Set<String> valueNames = VALUES.get(args[0]);
        String plan = null;
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> sets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!plain(arg)) {
                return null;
            }
            if (!arg.startsWith("-")) {
                if (plan != null) {
                    return null;
                }
                plan = arg;
                continue;
            }
            String name = arg.equals("-q") ? "--quiet" : arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
                if (!valueNames.contains(name)) {
                    return null;
                }
            } else if (flagNames.contains(name)) {
                if (!flags.add(name)) {
                    return null;
                }
                continue;
            } else if (valueNames.contains(name) && i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (!plain(value) || value.startsWith("-") || !number(name, value)) {
                return null;
            }
            if (name.equals("--set")) {
                sets.add(value);
            } else if (values.putIfAbsent(name, value) != null) {
                return null;
            }
        }
        if (plan == null) {
            return null;
        }
        if (!values.containsKey("--credentials") && credentialsVariable != null) {
            if (!plain(credentialsVariable) || credentialsVariable.contains("$")) {
                return null;
            }
            values.put("--credentials", credentialsVariable);
        }
        try {
            for (String option : values.keySet()) {
                if (!NUMBERS.containsKey(option)) {
                    Path.of(values.get(option));
                }
            }
            return new Parsed(Path.of(plan), values, flags, sets);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Whether picocli takes {@code arg} as it is: not empty, not an argument file, no quotes to trim. */
    private static boolean plain(String arg) {
        return !arg.isEmpty() && !arg.startsWith("@") && arg.indexOf('"') < 0 && !arg.equals("--");
    }

    private static boolean number(String option, String value) {
        Integer digits = NUMBERS.get(option);
        if (digits == null) {
            return true;
        }
        if (value.length() > digits || value.length() > 1 && value.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return Set.copyOf(union);
    }
}
