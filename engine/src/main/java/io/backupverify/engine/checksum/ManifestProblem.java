package io.backupverify.engine.checksum;

/** A line of a manifest that could not be read, with the reason. */
public record ManifestProblem(int line, String message) {
}
