package io.backupverify.engine.check.integrity;

import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.checksum.ManifestParser;
import io.backupverify.engine.checksum.ManifestProblem;
import io.backupverify.engine.checksum.ParseReport;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads manifests and sidecars from a target, turning every unreadable line, unreadable file and empty manifest
 * into a finding, so that a manifest that cannot be used never lets a check pass.
 */
final class ManifestLoader {
    private final Target target;
    private final Findings findings;

    ManifestLoader(Target target, Findings findings) {
        this.target = target;
        this.findings = findings;
    }

    /**
     * Streams a manifest's entries into the sink.
     *
     * @return whether the manifest was read cleanly and listed something; false after reporting why not
     */
    boolean stream(Entry manifest, boolean sidecar, Consumer<ManifestEntry> sink) {
        if (manifest.type() != EntryType.FILE) {
            findings.add(Problem.BAD_MANIFEST, manifest.path(), manifest.type() == EntryType.SYMLINK
                    ? "checksum file is a symbolic link; not followed" : "checksum file is not a regular file");
            return false;
        }
        ParseReport report;
        try (InputStream in = target.open(manifest.path())) {
            report = new ManifestParser(manifest.path(), sidecar).read(in, sink);
        } catch (IOException e) {
            findings.add(Problem.BAD_MANIFEST, manifest.path(), "cannot read the checksum file: "
                    + IoErrors.describe(e));
            return false;
        }
        for (ManifestProblem problem : report.problems()) {
            findings.add(Problem.BAD_MANIFEST, manifest.path(), report.describe(problem));
        }
        if (report.entries() == 0 && report.problems().isEmpty()) {
            findings.add(Problem.NO_CHECKSUMS, manifest.path(), "checksum file is empty: it lists no files");
        }
        return report.isClean() && report.entries() > 0;
    }

    /** Reads a whole (small) manifest or sidecar; what it lists, after reporting any problem. */
    List<ManifestEntry> load(Entry manifest, boolean sidecar) {
        List<ManifestEntry> entries = new ArrayList<>();
        stream(manifest, sidecar, entries::add);
        return entries;
    }
}
