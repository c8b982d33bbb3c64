package io.backupverify.engine.report;

/** Escaping for HTML text and attribute values. */
public final class Html {
    private Html() {
    }

    /**
     * The text escaped for use between tags and inside double- or single-quoted attribute values; characters no
     * document may carry are made visible first (see {@link ReportText#printable}).
     */
    public static String escape(String text) {
        String printable = ReportText.printable(text);
        StringBuilder out = new StringBuilder(printable.length() + 16);
        for (int i = 0; i < printable.length(); i++) {
            char c = printable.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
