package io.backupverify.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Both reports of a run the verifier really made, on folders with healthy, stale, odd and missing backups. */
class ReportsOfARealRunTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String PLAN = """
            backupSets:
              - { name: healthy, target: { type: local, path: healthy },
                  checks: { freshness: { maxAge: 2d }, completeness: { minFiles: 1 } } }
              - { name: "odd & <names> \u00fc", target: { type: local, path: odd },
                  checks: { completeness: { minFiles: 2 }, freshness: { maxAge: 2d } } }
              - { name: late, target: { type: local, path: late }, checks: { freshness: { maxAge: 12h } } }
              - { name: "missing folder", target: { type: local, path: missing },
                  checks: { completeness: { minFiles: 1 } } }
            """;

    @TempDir
    Path dir;

    @Test
    void everyCheckOfTheRunAppearsWithItsVerdictInBothReports() throws Exception {
        new BackupTree(dir.resolve("healthy")).backup("b1", NOW.minusSeconds(3600), "a", "1");
        new BackupTree(dir.resolve("odd")).backup("b1", NOW.minusSeconds(3600), "a & <b>.txt", "x", "empty \"q\"", "");
        new BackupTree(dir.resolve("late")).backup("b1", NOW.minusSeconds(3 * 86_400), "a", "1");
        RunResult run = Plans.run(PLAN, dir, NOW);
        assertThat(run.sets()).extracting(SetResult::status).contains(Status.PASS, Status.FAIL, Status.ERROR);
        assertThat(run.sets().get(1).checks().stream().flatMap(check -> check.findings().stream()))
                .extracting(Finding::item).anyMatch(item -> item.contains("empty \"q\""));

        Element xml = junit(run);
        String html = html(run);

        NodeList suites = xml.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(run.sets().size());
        for (int s = 0; s < run.sets().size(); s++) {
            SetResult set = run.sets().get(s);
            Element suite = (Element) suites.item(s);
            assertThat(suite.getAttribute("name")).isEqualTo(set.name());
            assertThat(html).contains("<h2>" + Html.escape(set.name()) + " <span class=\"badge "
                    + StatusStyle.of(set.status()).cssClass() + "\">" + set.status() + "</span></h2>");
            NodeList cases = suite.getElementsByTagName("testcase");
            assertThat(cases.getLength()).isEqualTo(set.checks().size());
            for (int c = 0; c < set.checks().size(); c++) {
                CheckResult check = set.checks().get(c);
                Element testCase = (Element) cases.item(c);
                assertThat(testCase.getAttribute("name")).isEqualTo(check.id());
                assertThat(testCase.getElementsByTagName("failure").getLength())
                        .isEqualTo(check.status() == Status.FAIL ? 1 : 0);
                assertThat(testCase.getElementsByTagName("error").getLength())
                        .isEqualTo(check.status() == Status.ERROR ? 1 : 0);
                String caseText = testCase.getTextContent();
                for (Finding finding : check.findings()) {
                    assertThat(caseText).contains(finding.label() + " " + finding.item() + ": " + finding.message());
                    assertThat(html).contains("<td class=\"mono\">" + Html.escape(finding.item()) + "</td><td>"
                            + Html.escape(finding.message()));
                    if (finding.advice() != null) {
                        assertThat(caseText).contains("what to do: " + finding.advice());
                        assertThat(html).contains("What to do: " + Html.escape(finding.advice()));
                    }
                }
            }
        }
    }

    private static Element junit(RunResult run) throws Exception {
        StringWriter out = new StringWriter();
        new JUnitReport().write(run, out);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static String html(RunResult run) throws Exception {
        StringWriter out = new StringWriter();
        new HtmlReport().write(run, out);
        return out.toString();
    }
}
