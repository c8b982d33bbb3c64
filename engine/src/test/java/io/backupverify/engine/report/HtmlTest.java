package io.backupverify.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupAndBothQuotes() {
        assertThat(Html.escape("<script>alert(\"x\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
        assertThat(Html.escape("it's")).isEqualTo("it&#39;s");
    }

    @Test
    void escapesAmpersandsOnceEvenWhenTheyLookLikeEntities() {
        assertThat(Html.escape("a & b &amp; c &#39;")).isEqualTo("a &amp; b &amp;amp; c &amp;#39;");
    }

    @Test
    void leavesPlainAndNonAsciiTextAlone() {
        assertThat(Html.escape("orders-db \u00fc \u65e5\u672c \ud83d\udcbe")).isEqualTo("orders-db \u00fc \u65e5\u672c \ud83d\udcbe");
        assertThat(Html.escape("")).isEmpty();
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void makesControlCharactersVisible() {
        assertThat(Html.escape("a\u0000b\u0007<")).isEqualTo("a\\u0000b\\u0007&lt;");
    }
}
