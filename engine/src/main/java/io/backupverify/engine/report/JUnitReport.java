package io.backupverify.engine.report;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run as JUnit XML, the format the {@code junit} step of Jenkins and most CI servers read.
 *
 * <ul>
 *   <li>one {@code <testsuite>} per backup set, one {@code <testcase>} per check of that set;</li>
 *   <li>FAIL is a {@code <failure>}, ERROR an {@code <error>}: its message names the first failing item, its
 *       body carries the summary and every finding with its advice;</li>
 *   <li>PASS and WARN pass (a failure would mark a Jenkins build UNSTABLE, and a warning must not); their summary
 *       and findings go to the test case's {@code <system-out>};</li>
 *   <li>a set without checks, or a run without sets, becomes an {@code <error>} test case, so that it can never
 *       read as green;</li>
 *   <li>nothing is ever {@code <skipped>}: a check that could not run is an ERROR.</li>
 * </ul>
 */
public final class JUnitReport {
    /** Test cases are named {@code backup-verify.<set>}, so CI servers group them under one package. */
    public static final String CLASS_PREFIX = "backup-verify.";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    /**
     * Writes the report. The document declares UTF-8, so {@code out} must encode UTF-8. The JDK's own StAX writer
     * is used whatever else is on the class path (a Jenkins controller may carry another one).
     */
    public void write(RunResult run, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            new Document(xml, run).write();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    /** One test case as the report will write it. */
    private record Case(String suite, String name, Status status, String summary, List<Finding> findings,
            Map<String, Object> metrics, long durationMs) {
        static Case of(String suite, CheckResult check) {
            return new Case(suite, check.id(), check.status(), check.summary(), check.findings(), check.metrics(),
                    check.durationMs());
        }

        static Case missing(String suite, String name, String reason) {
            return new Case(suite, name, Status.ERROR, reason, List.of(), Map.of(), 0);
        }
    }

    /** One test suite as the report will write it. */
    private record Suite(String name, SetResult set, List<Case> cases) {
        long durationMs() {
            return cases.stream().mapToLong(Case::durationMs).sum();
        }
    }

    private static final class Document {
        private final XMLStreamWriter xml;
        private final RunResult run;
        private final String timestamp;

        Document(XMLStreamWriter xml, RunResult run) {
            this.xml = xml;
            this.run = run;
            this.timestamp = timestamp(run.startedAt());
        }

        void write() throws XMLStreamException {
            List<Suite> suites = suites(run);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("testsuites");
            attribute("name", "backup-verify");
            counts(suites.stream().flatMap(s -> s.cases().stream()).toList());
            attribute("time", ReportFormats.seconds(Math.max(0, run.durationMs())));
            attribute("timestamp", timestamp);
            for (Suite suite : suites) {
                writeSuite(suite);
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        private static List<Suite> suites(RunResult run) {
            List<Suite> suites = new ArrayList<>();
            for (SetResult set : run.sets()) {
                List<Case> cases = new ArrayList<>();
                set.checks().forEach(check -> cases.add(Case.of(set.name(), check)));
                if (cases.isEmpty()) {
                    cases.add(Case.missing(set.name(), "checks", "no checks ran for this backup set"));
                }
                suites.add(new Suite(set.name(), set, cases));
            }
            if (suites.isEmpty()) {
                suites.add(new Suite("backup-verify", null,
                        List.of(Case.missing("backup-verify", "backup-sets", "no backup set was verified"))));
            }
            return suites;
        }

        private void writeSuite(Suite suite) throws XMLStreamException {
            newline(1);
            xml.writeStartElement("testsuite");
            attribute("name", suite.name());
            counts(suite.cases());
            attribute("time", ReportFormats.seconds(suite.durationMs()));
            attribute("timestamp", timestamp);
            writeProperties(suite);
            for (Case testCase : suite.cases()) {
                writeCase(testCase);
            }
            newline(1);
            xml.writeEndElement();
        }

        private void counts(List<Case> cases) throws XMLStreamException {
            attribute("tests", Integer.toString(cases.size()));
            attribute("failures", Long.toString(cases.stream().filter(c -> c.status() == Status.FAIL).count()));
            attribute("errors", Long.toString(cases.stream().filter(c -> c.status() == Status.ERROR).count()));
            attribute("skipped", "0");
        }

        private void writeProperties(Suite suite) throws XMLStreamException {
            newline(2);
            xml.writeStartElement("properties");
            property("backup-verify.generator", ReportIdentity.generator());
            property("backup-verify.schema", JsonReport.SCHEMA);
            property("backup-verify.plan", run.plan());
            property("backup-verify.runNumber", Long.toString(run.runNumber()));
            SetResult set = suite.set();
            if (set != null) {
                property("backup-verify.status", set.status().name());
                property("backup-verify.target", set.target());
                property("backup-verify.backupCount", Integer.toString(set.backupCount()));
                LatestBackup latest = set.latestBackup();
                if (latest != null) {
                    property("backup-verify.latestBackup.id", latest.id());
                    property("backup-verify.latestBackup.time", String.valueOf(latest.time()));
                    property("backup-verify.latestBackup.files", Long.toString(latest.files()));
                    property("backup-verify.latestBackup.bytes", Long.toString(latest.bytes()));
                }
            }
            newline(2);
            xml.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            newline(3);
            xml.writeEmptyElement("property");
            attribute("name", name);
            attribute("value", value);
        }

        private void writeCase(Case testCase) throws XMLStreamException {
            newline(2);
            xml.writeStartElement("testcase");
            attribute("classname", className(testCase.suite()));
            attribute("name", testCase.name());
            attribute("time", ReportFormats.seconds(testCase.durationMs()));
            switch (testCase.status()) {
                case FAIL -> problem("failure", testCase);
                case ERROR -> problem("error", testCase);
                default -> {
                    // PASS and WARN pass; what they found is shown, not failed on.
                }
            }
            newline(3);
            xml.writeStartElement("system-out");
            text(systemOut(testCase));
            xml.writeEndElement();
            newline(2);
            xml.writeEndElement();
        }

        private void problem(String element, Case testCase) throws XMLStreamException {
            newline(3);
            xml.writeStartElement(element);
            attribute("message", message(testCase));
            attribute("type", testCase.status().name());
            StringBuilder body = new StringBuilder();
            body.append(testCase.status().name()).append(": ").append(testCase.summary()).append('\n');
            appendFindings(body, testCase.findings());
            text(body.toString());
            xml.writeEndElement();
        }

        /** The first finding as bad as the verdict, naming its item, then how many more; else the summary. */
        private static String message(Case testCase) {
            List<Finding> worst = testCase.findings().stream().filter(f -> f.severity() == testCase.status())
                    .toList();
            if (!worst.isEmpty()) {
                Finding first = worst.get(0);
                int more = worst.size() - 1;
                return first.item() + ": " + first.message() + (more == 0 ? ""
                        : " (and " + more + " more " + (more == 1 ? "finding" : "findings") + ")");
            }
            if (!testCase.summary().isBlank()) {
                return testCase.summary();
            }
            int count = testCase.findings().size();
            return count == 1 ? "1 finding" : count + " findings";
        }

        private static String systemOut(Case testCase) {
            StringBuilder out = new StringBuilder();
            out.append(testCase.status().name()).append(": ").append(testCase.summary()).append('\n');
            testCase.metrics().forEach((name, value) -> out.append("  ").append(ReportFormats.metricLabel(name))
                    .append(": ").append(ReportFormats.metric(name, value)).append(" (").append(name).append(")\n"));
            if (testCase.status() == Status.PASS || testCase.status() == Status.WARN) {
                appendFindings(out, testCase.findings());
            }
            return out.toString();
        }

        private static void appendFindings(StringBuilder out, List<Finding> findings) {
            for (Finding finding : findings) {
                out.append(finding.label()).append(' ').append(finding.item()).append(": ")
                        .append(finding.message()).append('\n');
                if (finding.advice() != null) {
                    out.append("  what to do: ").append(finding.advice()).append('\n');
                }
            }
        }

        /** The set name with dots replaced, since JUnit readers take everything before the last dot as a package. */
        private static String className(String setName) {
            return CLASS_PREFIX + setName.replace('.', '_');
        }

        private void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, ReportText.oneLine(value));
        }

        private void text(String value) throws XMLStreamException {
            xml.writeCharacters(ReportText.printable(value));
        }

        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }

        /** The Ant JUnit schema's timestamp: ISO 8601 without a zone; ours is always UTC. */
        private static String timestamp(Instant instant) {
            return TIMESTAMP.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
        }
    }
}
