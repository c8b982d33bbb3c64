package io.backupverify.engine.restore;

import io.backupverify.engine.check.Finding;
import io.backupverify.engine.plan.CommandValidationSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command the user gives (a smoke test): run with {@code /bin/sh -c} in the plan's folder, with the restored
 * location in its environment ({@link Restored#FOLDER_VARIABLE} and whatever the kind adds). It must exit 0
 * within its time limit; its output goes to the scratch folder and its last lines into the finding.
 */
final class CommandValidation implements Validation {
    private static final int OUTPUT_TAIL_CHARS = 1000;

    private final CommandValidationSpec spec;
    private final Path workingDirectory;

    CommandValidation(CommandValidationSpec spec, Path workingDirectory) {
        this.spec = spec;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public String describe() {
        return "command " + spec.run();
    }

    @Override
    public List<Finding> run(Restored restored, RestoreJob job) throws IOException, InterruptedException {
        Path output = Files.createTempFile(job.scratch(), "command-", ".log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", spec.run())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (workingDirectory != null && Files.isDirectory(workingDirectory)) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(restored.environment());
        // A stopped run (Ctrl-C) stops the command too, rather than leaving it running on the restored data. The
        // hook is in place before the command starts, so a stop that comes while it starts still reaches it.
        StartedCommand command = new StartedCommand();
        Thread stopper = new Thread(command::stopQuietly, "restore-command-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        Process process = null;
        boolean finished;
        try {
            process = command.start(builder);
            finished = process.waitFor(spec.timeout().duration().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            command.stopQuietly();
            throw e;
        } finally {
            removeHook(stopper);
        }
        if (!finished) {
            stop(process);
            return List.of(Finding.fail(spec.run(), "did not finish within " + spec.timeout() + "; stopped"
                    + tail(output)));
        }
        int exit = process.exitValue();
        if (exit != 0) {
            return List.of(Finding.fail(spec.run(), "exited with " + exit + tail(output)));
        }
        return List.of();
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The command's process, started and stopped under one lock so that a stop never misses a start. */
    private static final class StartedCommand {
        private Process process;
        private boolean stopping;

        synchronized Process start(ProcessBuilder builder) throws IOException {
            if (stopping) {
                throw new IOException("the run is being stopped; the command was not started");
            }
            process = builder.start();
            return process;
        }

        synchronized void stopQuietly() {
            stopping = true;
            if (process == null) {
                return;
            }
            try {
                stop(process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook is running or has run
        }
    }

    private static String tail(Path output) throws IOException {
        String text = Files.readString(output, StandardCharsets.ISO_8859_1).strip();
        if (text.isEmpty()) {
            return "";
        }
        String last = text.length() > OUTPUT_TAIL_CHARS ? "..." + text.substring(text.length() - OUTPUT_TAIL_CHARS)
                : text;
        return "; output: " + last;
    }
}
