package io.backupverify.engine.report;

import static io.backupverify.engine.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HtmlReportTest {
    private static final Pattern LINK_ATTRIBUTE =
            Pattern.compile("\\b(?:src|href|action|srcset|poster|data)\\s*=\\s*[\"']?([^\"'\\s>]*)",
                    Pattern.CASE_INSENSITIVE);

    @Test
    void verdictComesFirstInColourAndInWords() throws Exception {
        String html = write(ReportFixtures.mixed());
        String body = html.substring(html.indexOf("<body>"));

        assertThat(body).startsWith("<body>\n<header class=\"verdict s-error\">");
        String header = body.substring(0, body.indexOf("</header>"));
        assertThat(header).contains("<p class=\"word\">ERROR</p>")
                .contains("Error:</strong> at least one check could not be carried out")
                .contains("Backup sets: 1 PASS, 1 WARN, 1 FAIL, 1 ERROR.")
                .contains("Checks: 4 PASS, 1 WARN, 1 FAIL, 2 ERROR.");
        assertThat(html).contains("<title>ERROR \u2014 backup verification of plans/backups.yaml</title>");
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void eachVerdictHasItsOwnWordsAndStyle(Status status) throws Exception {
        SetResult set = switch (status) {
            case PASS -> ReportFixtures.passing("s");
            case WARN -> ReportFixtures.warning("s");
            case FAIL -> ReportFixtures.failing("s");
            case ERROR -> ReportFixtures.erroring("s");
        };
        String html = write(run(set));
        StatusStyle style = StatusStyle.of(status);

        assertThat(html).contains("<header class=\"verdict " + style.cssClass() + "\">")
                .contains("<p class=\"word\">" + status.name() + "</p>")
                .contains("<strong>" + style.headline() + ":</strong>");
    }

    @Test
    void runFactsAreShown() throws Exception {
        String html = write(ReportFixtures.mixed());

        assertThat(html).contains("<dt>Plan</dt><dd class=\"mono\">plans/backups.yaml</dd>")
                .contains("<dt>Run number</dt><dd>42</dd>")
                .contains("<dt>Started</dt><dd>2026-11-26 07:00:05 UTC</dd>")
                .contains("<dt>Finished</dt><dd>2026-11-26 07:01:17 UTC</dd>")
                .contains("<dt>Duration</dt><dd>72s</dd>");
    }

    @Test
    void summaryTableHasOneRowPerSetWithLatestBackup() throws Exception {
        String html = write(ReportFixtures.mixed());
        String table = between(html, "<table class=\"sets\">", "</table>");

        assertThat(count(table, "<tr><td><a href=\"#set-")).isEqualTo(4);
        assertThat(table).contains("<a href=\"#set-1\">orders-db</a></td><td><span class=\"badge s-pass\">PASS</span>")
                .contains("<td class=\"mono\">orders-db-2026-11-26T0400</td><td class=\"when\">2026-11-26 04:00:00 UTC</td>"
                        + "<td class=\"num\">20</td><td class=\"num\">3.0 GiB</td><td class=\"num\">7</td>")
                .contains("<a href=\"#set-4\">ledger</a></td><td><span class=\"badge s-error\">ERROR</span></td>"
                        + "<td class=\"none\" colspan=\"4\">no backup found</td><td class=\"num\">0</td>");
    }

    @Test
    void everyCheckAndFindingIsShownUnderItsSet() throws Exception {
        String html = write(ReportFixtures.mixed());
        String files = between(html, "<section class=\"set\" id=\"set-3\">", "</section>");

        assertThat(files).contains("<h2>files <span class=\"badge s-fail\">FAIL</span></h2>")
                .contains("<h3>freshness <span class=\"badge s-pass\">PASS</span>")
                .contains("<h3>integrity <span class=\"badge s-fail\">FAIL</span> <span class=\"took\">took 2s</span></h3>")
                .contains("<p class=\"summary\">2 files differ from the manifest</p>")
                .contains("<span title=\"verifiedFiles\"><b>verified files</b> 18</span>")
                .contains("<tr><td><span class=\"badge s-fail\">FAIL</span></td><td class=\"mono\">"
                        + "files-2026-11-26/a.tar</td><td>SHA-256 differs: expected 00ff, got 11ee</td></tr>")
                .contains("<tr><td><span class=\"badge s-warn\">WARN</span></td><td class=\"mono\">"
                        + "files-2026-11-26/extra.txt</td><td>not listed in the manifest</td></tr>")
                .contains("3 findings");
        assertThat(count(html, "<article class=\"check ")).isEqualTo(8);
    }

    @Test
    void metricsAreCompactAndHumanReadable() throws Exception {
        String html = write(run(ReportFixtures.passing("orders-db")));

        assertThat(html).contains("<span title=\"verifiedBytes\"><b>verified</b> 3.0 GiB</span>")
                .contains("<span title=\"durationMs\"><b>duration</b> 1s</span>")
                .contains("<span title=\"ageSeconds\"><b>age</b> 3h</span>");
    }

    @Test
    void checksWithoutFindingsSaySo() throws Exception {
        String html = write(run(ReportFixtures.passing("orders-db")));

        assertThat(count(html, "<p class=\"none\">No findings.</p>")).isEqualTo(2);
    }

    @Test
    void aThousandFindingsAreAllListed() throws Exception {
        String html = write(run(ReportFixtures.set("big", ReportFixtures.manyFindings(1000))));

        assertThat(count(html, "<tr><td><span class=\"badge s-fail\">FAIL</span></td><td class=\"mono\">backup/file-"))
                .isEqualTo(1000);
        assertThat(html).contains(">backup/file-1000.bin<").contains("1000 findings");
    }

    @Test
    void aRunWithoutSetsSaysNothingWasVerified() throws Exception {
        String html = write(run());

        assertThat(html).contains("<p class=\"word\">ERROR</p>").contains("No backup set was verified.");
    }

    @Test
    void aSetWithoutChecksSaysItIsNotProvenGood() throws Exception {
        String html = write(run(ReportFixtures.set("empty")));

        assertThat(html).contains("No checks ran for this backup set, so it is not proven good.");
    }

    @Test
    void allTextIsEscaped() throws Exception {
        String evil = "<script>alert(\"x\")</script> & 'q'";
        SetResult set = ReportFixtures.set(evil,
                CheckResult.builder("integrity").summary(evil).metric(evil, evil)
                        .finding(Finding.fail(evil, evil)).build());
        RunResult run = new RunResult(evil, 1, ReportFixtures.STARTED, ReportFixtures.FINISHED, List.of(set));

        String html = write(run);

        assertThat(html).doesNotContain("<script").doesNotContain("alert(\"x\")").doesNotContain("'q'");
        String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";
        assertThat(count(html, escaped)).isGreaterThanOrEqualTo(8);
        assertThat(html).contains("<h2>" + escaped + " <span class=\"badge s-fail\">FAIL</span></h2>");
    }

    @Test
    void controlCharactersAreMadeVisible() throws Exception {
        String html = write(run(ReportFixtures.set("bell\u0007set\u0000",
                CheckResult.builder("integrity").finding(Finding.fail("a\u001bb", "m")).build())));

        assertThat(html).doesNotContain("\u0007").doesNotContain("\u0000").doesNotContain("\u001b")
                .contains("bell\\u0007set\\u0000").contains("a\\u001Bb");
    }

    @Test
    void nothingIsFetchedFromTheNetwork() throws Exception {
        String html = write(ReportFixtures.mixed());

        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("<img")
                .doesNotContain("<iframe").doesNotContain("@import").doesNotContain("url(")
                .doesNotContain("@font-face");
        List<String> references = new ArrayList<>();
        Matcher matcher = LINK_ATTRIBUTE.matcher(html);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        assertThat(references).isNotEmpty().allMatch(reference -> reference.startsWith("#"));
    }

    @Test
    void isOneDocumentWithInlineStyleThatPrints() throws Exception {
        String html = write(ReportFixtures.mixed());

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n");
        assertThat(count(html, "<style>")).isEqualTo(1);
        assertThat(html).contains("<meta charset=\"utf-8\">").contains("@media print");
        assertThat(count(html, "<body>")).isEqualTo(1);
        assertThat(count(html, "<section class=\"set\"")).isEqualTo(4);
        assertThat(count(html, "<section class=\"problems\"")).isEqualTo(1);
        assertThat(count(html, "</section>")).isEqualTo(5);
        assertThat(count(html, "<article ")).isEqualTo(count(html, "</article>"));
        assertThat(count(html, "<table")).isEqualTo(count(html, "</table>"));
        assertThat(count(html, "<tr>")).isEqualTo(count(html, "</tr>"));
    }

    @Test
    void namesItsGeneratorAndSchema() throws Exception {
        String html = write(ReportFixtures.mixed());

        assertThat(html).containsPattern("<meta name=\"generator\" content=\"backup-verify [^\"]+\">")
                .contains("<meta name=\"backup-verify-schema\" content=\"" + JsonReport.SCHEMA + "\">")
                .contains("report schema " + JsonReport.SCHEMA);
    }

    private static String write(RunResult run) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReport().write(run, out);
        return out.toString();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        return text.substring(from, text.indexOf(end, from) + end.length());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
