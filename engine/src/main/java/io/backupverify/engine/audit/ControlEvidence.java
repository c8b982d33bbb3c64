package io.backupverify.engine.audit;

import java.util.List;

/**
 * What the audit can show for one control.
 *
 * @param state    {@code findings} (a critical or warning finding maps to it), {@code evidenced} (passing evidence,
 *                 no such finding) or {@code no evidence}
 * @param passing  passing checks and reviews, in words
 * @param findings the numbers (from 1) of the findings mapped to it
 */
public record ControlEvidence(Control control, String state, List<String> passing, List<Integer> findings) {
    public static final String FINDINGS = "findings";
    public static final String EVIDENCED = "evidenced";
    public static final String NO_EVIDENCE = "no evidence";

    public ControlEvidence {
        passing = List.copyOf(passing);
        findings = List.copyOf(findings);
    }
}
