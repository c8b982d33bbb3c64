package io.backupverify.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void keepsEverythingXmlCanCarry() {
        String text = "tab\there\nline\r\u00e9\u65e5 \ud83d\udcbe \ud7ff \ue000 \ufffd";
        assertThat(ReportText.printable(text)).isSameAs(text);
    }

    @Test
    void replacesControlCharactersWithTheirEscape() {
        assertThat(ReportText.printable("a\u0000b\u0001c\u001fd\u0008")).isEqualTo("a\\u0000b\\u0001c\\u001Fd\\u0008");
    }

    @Test
    void replacesUnpairedSurrogatesAndNonCharacters() {
        assertThat(ReportText.printable("x\ud800y\udc00z")).isEqualTo("x\\uD800y\\uDC00z");
        assertThat(ReportText.printable("\ufffe\uffff")).isEqualTo("\\uFFFE\\uFFFF");
    }

    @Test
    void nullIsEmpty() {
        assertThat(ReportText.printable(null)).isEmpty();
    }

    @Test
    void oneLineTurnsBreaksAndTabsIntoSpaces() {
        assertThat(ReportText.oneLine("a\r\nb\nc\rd\te\u0001")).isEqualTo("a b c d e\\u0001");
    }
}
