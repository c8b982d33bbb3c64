package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import java.util.HexFormat;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.testing.ColumnarIntegrity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A target folder of real backups built in a temporary directory, verified through {@link Verifier}. */
final class BackupArea {
    final Path root;
    private String layout = "{ kind: directory-per-backup, namePattern: \"b-{yyyy-MM-dd}\" }";
    private UnaryOperator<Target> wrapper = UnaryOperator.identity();
    private Progress progress = Progress.NONE;
    private int threads = 2;
    private boolean keepsCoverage = true;
    private boolean columnar;

    BackupArea(Path root) {
        this.root = root;
    }

    BackupArea filePerBackup() {
        layout = "{ kind: file-per-backup, namePattern: \"db-{yyyy-MM-dd}.dump\" }";
        return this;
    }

    /** Lets a test see or disturb how the check uses the target. */
    BackupArea wrapTarget(UnaryOperator<Target> wrap) {
        this.wrapper = wrap;
        return this;
    }

    BackupArea progress(Progress newProgress) {
        this.progress = newProgress;
        return this;
    }

    /** Without coverage kept (a run without history), integrity may take its streamed path. */
    BackupArea keepsCoverage(boolean keep) {
        this.keepsCoverage = keep;
        return this;
    }

    /** Whether integrity is made to take its columnar path (see {@link ColumnarIntegrity}). */
    BackupArea columnar(boolean only) {
        this.columnar = only;
        return this;
    }

    BackupArea threads(int count) {
        this.threads = count;
        return this;
    }

    Path folder(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(Path folder, String name, String content) {
        return write(folder, name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(Path folder, String name, byte[] content) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String digest(ChecksumAlgorithm algorithm, Path file) {
        try {
            return HexFormat.of().formatHex(algorithm.newDigest().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A coreutils line for a file, escaped as sha256sum escapes names with a backslash or newline. */
    static String gnuLine(ChecksumAlgorithm algorithm, Path folder, String name) {
        String hex = digest(algorithm, folder.resolve(name));
        if (name.contains("\\") || name.contains("\n") || name.contains("\r")) {
            return "\\" + hex + "  " + name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\n";
        }
        return hex + "  " + name + "\n";
    }

    /** Writes SHA256SUMS (or another manifest) listing the names given. */
    Path manifest(Path folder, String manifestName, ChecksumAlgorithm algorithm, String... names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(gnuLine(algorithm, folder, name));
        }
        return write(folder, manifestName, text.toString());
    }

    Path sha256sums(Path folder, String... names) {
        return manifest(folder, "SHA256SUMS", ChecksumAlgorithm.SHA256, names);
    }

    /** Every regular file below a folder, as paths relative to it. */
    static String[] filesIn(Path folder) {
        List<String> names = new ArrayList<>();
        try (var walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> names.add(folder.relativize(file).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names.toArray(new String[0]);
    }

    RunResult verify(String integrity, long runNumber) {
        String yaml = "backupSets:\n"
                + "  - name: test\n"
                + "    target: { type: local, path: \"" + root + "\" }\n"
                + "    layout: " + layout + "\n"
                + "    checks:\n"
                + "      integrity: " + integrity + "\n";
        try {
            Plan plan = new PlanParser().parse(yaml, "plan.yaml", root);
            VerifyOptions options = VerifyOptions.defaults().withRunNumber(runNumber).withThreads(threads)
                    .withClock(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC))
                    .withProgress(progress).withCoverageKept(keepsCoverage);
            UnaryOperator<Target> paths = columnar ? ColumnarIntegrity::of : UnaryOperator.identity();
            return new Verifier(set -> paths.apply(wrapper.apply(new LocalTarget(root)))).verify(plan, options);
        } catch (PlanException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CheckResult integrity(String integrity) {
        return integrity(integrity, 0);
    }

    CheckResult integrity(String integrity, long runNumber) {
        RunResult run = verify(integrity, runNumber);
        return run.sets().get(0).checks().get(0);
    }
}
