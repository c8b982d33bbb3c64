package io.backupverify.cli;

import io.backupverify.engine.check.integrity.IntegrityWarmUp;
import io.backupverify.engine.check.reading.DigestWarmUp;
import io.backupverify.engine.util.ToolVersion;

/**
 * Work begun on another thread the moment the command starts: for {@code verify}, SHA-256 is run until HotSpot has
 * compiled it with its intrinsic, while picocli and the plan parser keep the main thread busy, so that the
 * integrity check hashes its first files at full speed; then integrity's set-up (listing, manifest, read list,
 * reading threads, report) runs once over a backup in memory, so that the check's own first run of that code is not
 * its cold one; last, the tool's version the reports name is read. (Reading a sample plan ahead in the same way was
 * measured too: start-up is already CPU-bound on two processors, with the JIT compilers on the second, so it gained
 * nothing.)
 */
final class WarmUps {
    private WarmUps() {
    }

    /** Starts the warm-ups the command named first in {@code args} can use. */
    static void begin(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            Thread thread = new Thread(() -> {
                DigestWarmUp.run();
                IntegrityWarmUp.run();
                // The version every report names, read from the jar's resources here rather than by the main
                // thread at the end of the run, when nothing else is left to run beside it.
                ToolVersion.version();
            }, "warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
