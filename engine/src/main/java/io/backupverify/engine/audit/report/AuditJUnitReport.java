package io.backupverify.engine.audit.report;

import io.backupverify.engine.audit.AuditFinding;
import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.AuditText;
import io.backupverify.engine.audit.SetSuccess;
import io.backupverify.engine.audit.Severity;
import io.backupverify.engine.check.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The audit as JUnit XML: one test case per set's success rate and one per finding. A critical finding (or a set
 * below the success rate) is a {@code <failure>}; warnings and notes pass with their text in {@code <system-out>}, as
 * WARN does in the verify report; an audit without any recorded run is an {@code <error>}.
 */
public final class AuditJUnitReport {
    static final String SUITE = "backup-verify.audit";

    private record Case(String name, Status status, String message, String text) {
    }

    public void write(AuditResult audit, Writer out) throws IOException {
        List<Case> cases = cases(audit);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.status == Status.FAIL).count()));
            xml.writeAttribute("errors", Long.toString(cases.stream().filter(c -> c.status == Status.ERROR).count()));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("timestamp", audit.auditedAt().toString());
            for (Case test : cases) {
                xml.writeCharacters("\n");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", SUITE);
                xml.writeAttribute("name", test.name);
                xml.writeAttribute("time", "0");
                if (test.status == Status.FAIL || test.status == Status.ERROR) {
                    xml.writeStartElement(test.status == Status.FAIL ? "failure" : "error");
                    xml.writeAttribute("message", test.message);
                    xml.writeAttribute("type", test.status.name());
                    xml.writeCharacters(test.text);
                    xml.writeEndElement();
                } else if (!test.text.isEmpty()) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(test.text);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static List<Case> cases(AuditResult audit) {
        List<Case> cases = new ArrayList<>();
        if (audit.verifyRuns() == 0) {
            cases.add(new Case("history", Status.ERROR, "no verify run recorded in the period", "An audit without "
                    + "recorded runs proves nothing."));
        }
        double min = audit.spec().successRate().min().value();
        for (SetSuccess set : audit.successRates()) {
            String text = set.runs() == 0 ? "no runs in the period"
                    : AuditText.percent(set.ratePercent()) + " (" + set.successes() + " of " + set.runs()
                            + " runs PASS or WARN; WARN share " + AuditText.percent(set.warnSharePercent()) + ")";
            Status status = set.runs() > 0 && set.ratePercent() < min ? Status.FAIL : Status.PASS;
            cases.add(new Case("success-rate." + set.set(), status, "success rate " + text + " is below "
                    + AuditText.percent(min), text));
        }
        for (int i = 0; i < audit.findings().size(); i++) {
            AuditFinding finding = audit.findings().get(i);
            String text = finding.title() + "\n" + String.join("\n", finding.evidence()) + "\nAction: "
                    + finding.action() + "\nEscalate to: " + finding.escalation() + "\nControls: "
                    + String.join(", ", finding.controls());
            cases.add(new Case(String.format("finding-%02d.%s.%s", i + 1, finding.area(), finding.subject()),
                    finding.severity() == Severity.CRITICAL ? Status.FAIL : Status.PASS, finding.title(),
                    finding.severity().label().toUpperCase(java.util.Locale.ROOT) + ": " + text));
        }
        return cases;
    }
}
