package io.backupverify.engine.audit;

/**
 * A compliance control the audit can give evidence for.
 *
 * @param framework the framework id as plans name it (nist-800-53, iso-27001, hipaa, pci-dss, gdpr, soc2)
 * @param id        the control's id, such as CP-9(1) or A.8.13
 * @param title     what the control asks, paraphrased in a line
 */
public record Control(String framework, String id, String title) {
}
