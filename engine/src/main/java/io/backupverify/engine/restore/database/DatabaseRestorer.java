package io.backupverify.engine.restore.database;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores one dump into a scratch database with the database's own tools: {@code pg_restore} for custom,
 * directory and tar dumps, {@code psql} for plain SQL, the {@code mariadb} client for MySQL/MariaDB dumps. Every
 * error stops the restore, and a dump without its closing line fails even when its first part restored.
 */
public final class DatabaseRestorer {
    private final int jobs;

    /** @param jobs parallel jobs for {@code pg_restore} of custom and directory dumps (1 for none) */
    public DatabaseRestorer(int jobs) {
        this.jobs = Math.max(1, jobs);
    }

    /** How a restore went: the format restored and the problem that stopped it, if any. */
    public record Outcome(DumpFormat format, boolean restored, boolean dumpAtFault, boolean timedOut,
            String problem) {
        static Outcome ok(DumpFormat format) {
            return new Outcome(format, true, false, false, "");
        }

        static Outcome dumpFault(DumpFormat format, String problem) {
            return new Outcome(format, false, true, false, problem);
        }

        static Outcome cannotRun(DumpFormat format, String problem) {
            return new Outcome(format, false, false, false, problem);
        }
    }

    /**
     * Restores the dump into the database.
     *
     * @param workDir a private folder for the tools' password files
     */
    public Outcome restore(DumpSource dump, DumpFormat format, ScratchDatabase database, Duration limit,
            Path workDir) throws InterruptedException {
        try {
            ToolRun.Outcome result;
            ScratchServer server = database.server();
            if (format.isArchive()) {
                Path tool = ClientTools.require("to restore " + format.description() + "s", "pg_restore");
                List<String> options = new ArrayList<>(List.of("--no-owner", "--no-privileges", "--exit-on-error"));
                if (jobs > 1 && format != DumpFormat.POSTGRES_TAR && dump.localPath().isPresent()) {
                    options.add("--jobs=" + jobs);
                }
                ToolRun.Feeder feeder = null;
                if (dump.localPath().isPresent()) {
                    options.add(dump.localPath().get().toString());
                } else if (format == DumpFormat.POSTGRES_DIRECTORY) {
                    throw new IOException("internal error: a directory-format dump must be fetched first");
                } else {
                    options.add(format == DumpFormat.POSTGRES_CUSTOM ? "--format=custom" : "--format=tar");
                    feeder = stdin -> copy(dump, stdin);
                }
                ClientTools.Invocation invocation = ClientTools.postgres(tool, server, database.name(), options,
                        workDir);
                result = new ToolRun(invocation.command(), invocation.environment(), workDir).run(limit, feeder);
            } else if (format == DumpFormat.POSTGRES_PLAIN) {
                Path tool = ClientTools.require("to restore plain SQL dumps", "psql");
                ClientTools.Invocation invocation = ClientTools.postgres(tool, server, database.name(),
                        List.of("--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction",
                                "--output=/dev/null", "--file=-"), workDir);
                result = new ToolRun(invocation.command(), invocation.environment(), workDir)
                        .run(limit, new PostgresSqlFeeder(dump, database.name()));
            } else {
                Path tool = ClientTools.require("to restore MySQL/MariaDB dumps", "mariadb", "mysql");
                ClientTools.Invocation invocation = ClientTools.mariadb(tool, server, database.name(),
                        List.of("--batch", "--binary-mode", "--silent", "--connect-timeout=30"), workDir);
                result = new ToolRun(invocation.command(), invocation.environment(), workDir)
                        .run(limit, new MysqlSqlFeeder(dump));
            }
            if (result.timedOut()) {
                return new Outcome(format, false, false, true, "the restore did not finish within "
                        + io.backupverify.engine.plan.DurationValue.format(limit) + " and was stopped");
            }
            if (!result.succeeded() && format == DumpFormat.POSTGRES_PLAIN) {
                Optional<Outcome> refused = refusedMetaCommand(format, result.outputTail());
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            if (!result.succeeded() && isEnvironmentProblem(result.outputTail())) {
                return Outcome.cannotRun(format, toolName(format) + " could not restore (exit " + result.exitCode()
                        + "): " + result.lastLines(3));
            }
            if (!result.succeeded()) {
                return Outcome.dumpFault(format, toolName(format) + " failed (exit " + result.exitCode() + "): "
                        + result.lastLines(3));
            }
            if (result.stoppedReading()) {
                // exit 0 with part of the dump unread (an SQL dump's \q, say): the rest was never restored
                String problem = toolName(format) + " stopped reading the dump before its end and exited 0: the rest "
                        + "of the dump was not restored";
                return format.isArchive() ? Outcome.cannotRun(format, problem) : Outcome.dumpFault(format, problem);
            }
            return Outcome.ok(format);
        } catch (DumpContentException.NotTestable e) {
            return Outcome.cannotRun(format, e.getMessage());
        } catch (DumpContentException e) {
            return Outcome.dumpFault(format, e.getMessage());
        } catch (ClientTools.MissingToolException e) {
            return Outcome.cannotRun(format, e.getMessage());
        } catch (IOException e) {
            return Outcome.cannotRun(format, "could not run the restore: " + io.backupverify.engine.util.IoErrors
                    .describe(e));
        }
    }

    /**
     * psql, restricted before the dump (see {@link PostgresSqlFeeder}), refused a meta-command of the dump: FAIL
     * naming its line; or it is too old to be restricted: ERROR, as it would obey the dump's meta-commands.
     */
    private static Optional<Outcome> refusedMetaCommand(DumpFormat format, String output) {
        Matcher refused = RESTRICTED.matcher(output);
        if (refused.find()) {
            long line = Long.parseLong(refused.group(1)) - 1;
            return Optional.of(Outcome.dumpFault(format, "line " + line + " of the dump holds a psql meta-command (a "
                    + "backslash command outside quotes), which pg_dump never writes there: psql would obey it on the "
                    + "machine that restores (\\! runs a shell command), so the restore test stopped it unrun"));
        }
        if (output.contains("invalid command \\restrict")) {
            return Optional.of(Outcome.cannotRun(format, "this psql cannot be restricted (\\restrict came with "
                    + "PostgreSQL 17.6, 16.10, 15.14, 14.19 and 13.22): it would obey a dump's meta-commands, such as "
                    + "\\! that runs a shell command, so plain dumps are not restored with it; install a newer psql "
                    + "(Debian: apt-get install postgresql-client-15)"));
        }
        return Optional.empty();
    }

    /**
     * Whether the tool failed for want of a server, a login or a newer tool rather than because of the dump: the
     * restore test could not be carried out (ERROR), which says nothing about the dump.
     */
    private static boolean isEnvironmentProblem(String output) {
        String text = output.toLowerCase(java.util.Locale.ROOT);
        return text.contains("could not connect") || text.contains("connection to server")
                || text.contains("can't connect") || text.contains("access denied")
                || text.contains("password authentication failed") || text.contains("unsupported version")
                || text.contains("no space left on device") || text.contains("could not extend file");
    }

    private static void copy(DumpSource dump, java.io.OutputStream stdin) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (java.io.InputStream in = dump.open()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("the restore was stopped");
                }
                stdin.write(buffer, 0, n);
            }
        }
    }

    private static final Pattern RESTRICTED = Pattern.compile(
            "psql:<stdin>:(\\d+): error: backslash commands are restricted");

    private static String toolName(DumpFormat format) {
        return format.isArchive() ? "pg_restore" : format == DumpFormat.POSTGRES_PLAIN ? "psql" : "mariadb";
    }
}
