package io.backupverify.engine.checksum;

import java.util.List;

/** A checksum manifest read whole: the entries of the lines that could be read, and how reading went. */
public record Manifest(List<ManifestEntry> entries, ParseReport report) {
    public Manifest {
        entries = List.copyOf(entries);
    }

    public String source() {
        return report.source();
    }
}
