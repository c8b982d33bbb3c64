package io.backupverify.engine.target;

import io.backupverify.engine.plan.LocalTargetSpec;
import io.backupverify.engine.plan.TargetSpec;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the target a plan names. */
public final class Targets {
    private Targets() {
    }

    /**
     * Opens a target.
     *
     * @param baseDir the folder relative local paths are resolved against (the plan's folder)
     */
    public static Target open(TargetSpec spec, Path baseDir) throws IOException {
        if (spec instanceof LocalTargetSpec local) {
            Path path = Path.of(local.path());
            return new LocalTarget(path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path));
        }
        throw new IOException("targets of type '" + spec.type() + "' are not supported by this version");
    }
}
