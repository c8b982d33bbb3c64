package io.backupverify.engine.report;

import static io.backupverify.engine.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class JUnitReportTest {

    @Test
    void totalsCountEveryCheckWithFailIsFailureAndErrorIsError() throws Exception {
        Element root = parse(ReportFixtures.mixed());

        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("8");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("2");
        assertThat(root.getAttribute("skipped")).isEqualTo("0");
        assertThat(root.getAttribute("time")).isEqualTo("72.500");
        assertThat(root.getAttribute("timestamp")).isEqualTo("2026-11-26T07:00:05");
    }

    @Test
    void oneSuitePerSetWithItsOwnCounts() throws Exception {
        List<Element> suites = children(parse(ReportFixtures.mixed()), "testsuite");

        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("orders-db", "mail", "files",
                "ledger");
        assertThat(suites).extracting(s -> s.getAttribute("tests")).containsExactly("2", "2", "2", "2");
        assertThat(suites).extracting(s -> s.getAttribute("failures")).containsExactly("0", "0", "1", "0");
        assertThat(suites).extracting(s -> s.getAttribute("errors")).containsExactly("0", "0", "0", "2");
        assertThat(suites.get(0).getAttribute("time")).isEqualTo("1.536");
        assertThat(suites.get(0).getAttribute("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(property(suites.get(2), "backup-verify.status")).isEqualTo("FAIL");
        assertThat(property(suites.get(2), "backup-verify.latestBackup.id")).isEqualTo("files-2026-11-26T0400");
    }

    @Test
    void oneCasePerCheckNamedAfterSetAndCheck() throws Exception {
        Element files = suite(parse(ReportFixtures.mixed()), "files");
        List<Element> cases = children(files, "testcase");

        assertThat(cases).extracting(c -> c.getAttribute("classname"))
                .containsOnly(JUnitReport.CLASS_PREFIX + "files");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly("freshness", "integrity");
        assertThat(cases).extracting(c -> c.getAttribute("time")).containsExactly("0.001", "2.250");
        assertThat(Float.parseFloat(cases.get(1).getAttribute("time"))).isEqualTo(2.25f);
    }

    @Test
    void failureCarriesSummaryAndEveryFinding() throws Exception {
        Element integrity = testCase(suite(parse(ReportFixtures.mixed()), "files"), "integrity");
        Element failure = only(integrity, "failure");

        assertThat(children(integrity, "error")).isEmpty();
        assertThat(failure.getAttribute("type")).isEqualTo("FAIL");
        assertThat(failure.getAttribute("message")).as("names the first failing item")
                .isEqualTo("files-2026-11-26/a.tar: SHA-256 differs: expected 00ff, got 11ee (and 1 more finding)");
        assertThat(failure.getTextContent()).contains(
                "FAIL files-2026-11-26/a.tar: SHA-256 differs: expected 00ff, got 11ee",
                "FAIL files-2026-11-26/b.tar: truncated: 10 of 2048 bytes",
                "WARN files-2026-11-26/extra.txt: not listed in the manifest");
    }

    @Test
    void errorIsAnErrorElementNotAFailure() throws Exception {
        Element ledger = suite(parse(ReportFixtures.mixed()), "ledger");
        Element freshness = testCase(ledger, "freshness");

        assertThat(children(freshness, "failure")).isEmpty();
        Element error = only(freshness, "error");
        assertThat(error.getAttribute("type")).isEqualTo("ERROR");
        assertThat(error.getAttribute("message")).isEqualTo("cannot list the target: permission denied: /srv/backups");
        assertThat(error.getTextContent()).contains("cannot list the target");
    }

    @Test
    void warnPassesAndShowsItsFindingsInSystemOut() throws Exception {
        Element completeness = testCase(suite(parse(ReportFixtures.mixed()), "mail"), "completeness");

        assertThat(children(completeness, "failure")).isEmpty();
        assertThat(children(completeness, "error")).isEmpty();
        assertThat(children(completeness, "skipped")).isEmpty();
        assertThat(only(completeness, "system-out").getTextContent())
                .contains("WARN: 1 empty file")
                .contains("WARN mail-2026-11-26/empty.log: file is empty (0 bytes)");
    }

    @Test
    void passShowsSummaryAndMetricsInSystemOut() throws Exception {
        Element integrity = testCase(suite(parse(ReportFixtures.mixed()), "orders-db"), "integrity");

        assertThat(children(integrity, "failure")).isEmpty();
        assertThat(children(integrity, "error")).isEmpty();
        assertThat(only(integrity, "system-out").getTextContent())
                .contains("PASS: 20 files verified", "verified files: 20 (verifiedFiles)",
                        "verified: 3.0 GiB (verifiedBytes)");
    }

    @Test
    void oddNamesSurviveTheRoundTrip() throws Exception {
        String setName = "we\"ird <set> & 'co' \u00fcml\u00e4ut \u65e5\u672c \ud83d\udcbe";
        String item = "dir/na\"me <x> & y\u00e9 ]]> end";
        String message = "expected <a> & \"b\" but got 'c'";
        SetResult set = ReportFixtures.set(setName,
                CheckResult.builder("integrity").summary("one \"bad\" <file> & more").finding(Finding.fail(item,
                        message)).build());

        Element root = parse(run(set));
        Element suite = only(root, "testsuite");
        Element testCase = only(suite, "testcase");
        Element failure = only(testCase, "failure");

        assertThat(suite.getAttribute("name")).isEqualTo(setName);
        assertThat(testCase.getAttribute("classname")).isEqualTo(JUnitReport.CLASS_PREFIX + setName);
        assertThat(failure.getAttribute("message")).isEqualTo(item + ": " + message);
        assertThat(failure.getTextContent()).contains("FAIL " + item + ": " + message);
    }

    @Test
    void controlCharactersXmlCannotCarryAreShownAsEscapes() throws Exception {
        String setName = "bell\u0007set";
        String item = "file\u0000with\u001bescape\ud800lone";
        SetResult set = ReportFixtures.set(setName,
                CheckResult.builder("integrity").summary("bad\u0001summary\nsecond line")
                        .finding(Finding.fail(item, "tab\there")).build());

        Element root = parse(run(set));
        Element suite = only(root, "testsuite");
        Element failure = only(only(suite, "testcase"), "failure");

        assertThat(suite.getAttribute("name")).isEqualTo("bell\\u0007set");
        assertThat(failure.getAttribute("message")).isEqualTo("file\\u0000with\\u001Bescape\\uD800lone: tab here");
        assertThat(failure.getTextContent()).contains("FAIL file\\u0000with\\u001Bescape\\uD800lone: tab\there");
    }

    @Test
    void dotsInSetNamesDoNotSplitTheClassName() throws Exception {
        Element root = parse(run(ReportFixtures.passing("db1.example.com")));
        Element suite = only(root, "testsuite");

        assertThat(suite.getAttribute("name")).isEqualTo("db1.example.com");
        assertThat(children(suite, "testcase")).extracting(c -> c.getAttribute("classname"))
                .containsOnly("backup-verify.db1_example_com");
    }

    @Test
    void everyOneOfAThousandFindingsIsInTheFailure() throws Exception {
        Element root = parse(run(ReportFixtures.set("big", ReportFixtures.manyFindings(1000))));
        String text = only(only(only(root, "testsuite"), "testcase"), "failure").getTextContent();

        for (int i = 1; i <= 1000; i++) {
            assertThat(text).contains("FAIL backup/file-" + i + ".bin: missing (listed in SHA256SUMS)\n");
        }
    }

    @Test
    void aSetWithoutChecksIsAnErrorNotAnEmptySuite() throws Exception {
        Element root = parse(run(ReportFixtures.set("empty")));
        Element suite = only(root, "testsuite");

        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(only(only(suite, "testcase"), "error").getAttribute("message"))
                .isEqualTo("no checks ran for this backup set");
    }

    @Test
    void aRunWithoutSetsIsAnErrorNotAnEmptyReport() throws Exception {
        Element root = parse(run());

        assertThat(root.getAttribute("tests")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        Element testCase = only(only(root, "testsuite"), "testcase");
        assertThat(only(testCase, "error").getAttribute("message")).isEqualTo("no backup set was verified");
    }

    @Test
    void declaresUtf8AndCarriesGeneratorAndSchema() throws Exception {
        String xml = write(ReportFixtures.mixed());
        Element suite = children(parse(xml), "testsuite").get(0);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(property(suite, "backup-verify.schema")).isEqualTo(JsonReport.SCHEMA);
        assertThat(property(suite, "backup-verify.generator")).startsWith("backup-verify ");
        assertThat(property(suite, "backup-verify.runNumber")).isEqualTo("42");
    }

    static String write(RunResult run) throws IOException {
        StringWriter out = new StringWriter();
        new JUnitReport().write(run, out);
        return out.toString();
    }

    private static Element parse(RunResult run) throws Exception {
        return parse(write(run));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element only(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        assertThat(found).as("<%s> in <%s>", tag, parent.getTagName()).hasSize(1);
        return found.get(0);
    }

    private static Element suite(Element root, String name) {
        return children(root, "testsuite").stream().filter(s -> s.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no suite " + name));
    }

    private static Element testCase(Element suite, String name) {
        return children(suite, "testcase").stream().filter(c -> c.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no test case " + name));
    }

    private static String property(Element suite, String name) {
        for (Element property : children(only(suite, "properties"), "property")) {
            if (property.getAttribute("name").equals(name)) {
                return property.getAttribute("value");
            }
        }
        throw new AssertionError("no property " + name);
    }
}
