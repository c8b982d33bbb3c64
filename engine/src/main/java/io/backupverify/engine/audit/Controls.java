package io.backupverify.engine.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which controls each kind of evidence speaks to: the checks a verify run makes, restore tests, and each review the
 * audit makes. Paraphrases and mapping follow docs/audits.md; a control the tool cannot evidence (physical media
 * security, PCI DSS 9.4.1) is listed so the report says so rather than leaving it out.
 */
public final class Controls {
    public static final String NIST = "nist-800-53";
    public static final String ISO = "iso-27001";
    public static final String HIPAA = "hipaa";
    public static final String PCI = "pci-dss";
    public static final String GDPR = "gdpr";
    public static final String SOC2 = "soc2";

    /** Every control, in report order. */
    public static final List<Control> ALL = List.of(
            new Control(NIST, "CP-9", "System backup: back up at a frequency consistent with RTO/RPO and protect "
                    + "the backups' confidentiality, integrity and availability"),
            new Control(NIST, "CP-9(1)", "Test backup information at a defined frequency for media reliability and "
                    + "information integrity"),
            new Control(NIST, "CP-9(8)", "Protect backup information from disclosure and modification with "
                    + "cryptography"),
            new Control(NIST, "CP-10", "Recover and reconstitute the system to a known state within a time consistent "
                    + "with RTO/RPO"),
            new Control(NIST, "CP-6", "Alternate storage site: store backup information at a site separated from the "
                    + "primary one, with equivalent safeguards"),
            new Control(ISO, "A.8.13", "Keep backup copies and test them regularly according to the agreed backup "
                    + "policy"),
            new Control(ISO, "A.8.24", "Use of cryptography: rules for its effective use, including key management"),
            new Control(HIPAA, "164.308(a)(7)(ii)(A)", "Data backup plan: create and maintain retrievable exact "
                    + "copies of ePHI"),
            new Control(HIPAA, "164.308(a)(7)(ii)(B)", "Disaster recovery plan: procedures to restore any loss of "
                    + "data"),
            new Control(HIPAA, "164.308(a)(7)(ii)(D)", "Testing and revision: periodically test and revise "
                    + "contingency plans"),
            new Control(HIPAA, "164.312(a)(2)(iv)", "Encryption and decryption of ePHI"),
            new Control(PCI, "3.2.1", "Keep stored account data minimal through retention limits; verify at least "
                    + "every 3 months that data past retention is deleted"),
            new Control(PCI, "3.5.1", "The primary account number is rendered unreadable wherever it is stored, "
                    + "backups included"),
            new Control(PCI, "9.4.1", "Physically secure media with cardholder data; keep offline backups in a "
                    + "secure location reviewed every 12 months"),
            new Control(PCI, "9.4.5", "Keep inventory logs of electronic media and inventory them every 12 months"),
            new Control(PCI, "9.4.7", "Destroy media when no longer needed"),
            new Control(PCI, "12.10.1", "The incident response plan includes business recovery and data backup "
                    + "processes"),
            new Control(PCI, "12.10.2", "Review, update and test the incident response plan at least every 12 "
                    + "months"),
            new Control(GDPR, "Art. 32(1)(b)", "Ongoing confidentiality, integrity, availability and resilience of "
                    + "processing systems"),
            new Control(GDPR, "Art. 32(1)(c)", "Restore availability of and access to personal data in a timely "
                    + "manner after an incident"),
            new Control(GDPR, "Art. 32(1)(d)", "Regularly test, assess and evaluate the effectiveness of the "
                    + "measures"),
            new Control(GDPR, "Art. 5(1)(e)", "Storage limitation: keep personal data no longer than necessary"),
            new Control(SOC2, "A1.2", "Operate and monitor data backup processes and recovery infrastructure"),
            new Control(SOC2, "A1.3", "Test recovery plan procedures, including the integrity and completeness of "
                    + "backup data"));

    /** Evidence kind (a check id, {@code restore-test} or an audit area) to the controls it speaks to. */
    private static final Map<String, List<String>> EVIDENCE = new LinkedHashMap<>();

    static {
        EVIDENCE.put("freshness", List.of("CP-9", "A.8.13", "164.308(a)(7)(ii)(A)", "Art. 32(1)(b)", "A1.2"));
        EVIDENCE.put("completeness", List.of("CP-9", "A.8.13", "164.308(a)(7)(ii)(A)", "A1.3"));
        EVIDENCE.put("integrity", List.of("CP-9(1)", "A.8.13", "164.308(a)(7)(ii)(A)", "Art. 32(1)(b)", "A1.3"));
        EVIDENCE.put("readable", List.of("CP-9(1)", "A1.3"));
        EVIDENCE.put("retention", List.of("CP-9", "3.2.1", "9.4.7", "Art. 5(1)(e)"));
        EVIDENCE.put("window", List.of("CP-9", "A1.2"));
        EVIDENCE.put("capacity", List.of("CP-9", "Art. 32(1)(b)", "A1.2"));
        EVIDENCE.put("encryption", List.of("CP-9", "CP-9(8)", "A.8.24", "164.312(a)(2)(iv)", "3.5.1",
                "Art. 32(1)(b)"));
        EVIDENCE.put("access", List.of("CP-9", "Art. 32(1)(b)", "A1.2"));
        EVIDENCE.put("immutability", List.of("CP-9", "A.8.13", "Art. 32(1)(b)", "A1.2"));
        EVIDENCE.put("copies", List.of("CP-9", "CP-6", "A.8.13", "A1.2"));
        EVIDENCE.put("restore-test", List.of("CP-10", "A.8.13", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)",
                "12.10.2", "Art. 32(1)(c)", "A1.3"));
        EVIDENCE.put("success-rate", List.of("CP-9(1)", "A.8.13", "164.308(a)(7)(ii)(D)", "Art. 32(1)(d)",
                "A1.2"));
        EVIDENCE.put("recurring-failure", List.of("164.308(a)(7)(ii)(D)", "Art. 32(1)(d)", "A1.2"));
        EVIDENCE.put("slow-backup", List.of("CP-9", "A1.2"));
        EVIDENCE.put("capacity-forecast", List.of("Art. 32(1)(b)", "A1.2"));
        EVIDENCE.put("coverage", List.of("CP-9(1)", "164.308(a)(7)(ii)(A)", "A1.3"));
        EVIDENCE.put("inventory", List.of("CP-9", "A.8.13", "9.4.5", "A1.2"));
        EVIDENCE.put("audit", List.of("164.308(a)(7)(ii)(D)", "12.10.1", "12.10.2", "Art. 32(1)(d)", "A1.2"));
    }

    private Controls() {
    }

    /** The control ids an evidence kind speaks to; none for an unknown kind. */
    public static List<String> forEvidence(String kind) {
        return EVIDENCE.getOrDefault(kind, List.of());
    }

    /** The controls of the given frameworks, in report order. */
    public static List<Control> of(List<String> frameworks) {
        return ALL.stream().filter(control -> frameworks.contains(control.framework())).toList();
    }

    public static String frameworkName(String id) {
        return switch (id) {
            case NIST -> "NIST SP 800-53 Rev. 5";
            case ISO -> "ISO/IEC 27001:2022";
            case HIPAA -> "HIPAA Security Rule";
            case PCI -> "PCI DSS v4.0";
            case GDPR -> "GDPR";
            case SOC2 -> "SOC 2 (TSC 2017)";
            default -> id;
        };
    }
}
