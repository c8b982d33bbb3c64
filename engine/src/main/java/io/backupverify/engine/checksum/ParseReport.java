package io.backupverify.engine.checksum;

import java.util.List;

/**
 * How reading a manifest went.
 *
 * @param source    the manifest's name, for messages
 * @param entries   how many lines were read as checksums
 * @param problems  the lines that could not be read
 * @param abandoned whether reading stopped early because too many lines were unreadable (the file is probably
 *                  not a manifest); the entries read before that come from lines that were well formed
 */
public record ParseReport(String source, long entries, List<ManifestProblem> problems, boolean abandoned) {
    public ParseReport {
        problems = List.copyOf(problems);
    }

    public boolean isClean() {
        return problems.isEmpty() && !abandoned;
    }

    /** A problem as a message naming this manifest and the line: {@code SHA256SUMS line 3: ...}. */
    public String describe(ManifestProblem problem) {
        return source + " line " + problem.line() + ": " + problem.message();
    }
}
