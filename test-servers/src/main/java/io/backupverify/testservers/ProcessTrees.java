package io.backupverify.testservers;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Stops a test server's process with everything it started. */
public final class ProcessTrees {
    private ProcessTrees() {
    }

    /** Asks the process and its descendants to end, and kills the process if it has not within 10 seconds. */
    public static void stop(Process process) {
        List<ProcessHandle> descendants;
        try (Stream<ProcessHandle> children = process.descendants()) {
            descendants = children.toList();
        }
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
