package io.backupverify.engine.report;

/** The HTML report's style sheet, written inline so that the page fetches nothing. */
final class HtmlStyleSheet {
    private static final String BASE = """
            * { box-sizing: border-box; }
            body { font: 15px/1.45 system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: #1f2328;
              background: #fff; margin: 0 auto; max-width: 75rem; padding: 1.5rem; }
            h1 { font-size: 1rem; font-weight: 600; color: #59636e; margin: 0 0 .5rem; }
            h2 { font-size: 1.35rem; margin: 0 0 .5rem; }
            h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
            .verdict { color: #fff; padding: 1rem 1.5rem; border-radius: 8px; border: 4px solid; margin-bottom: 1.5rem; }
            .verdict .label { color: inherit; margin: 0; font-size: .95rem; text-transform: uppercase; letter-spacing: .08em; }
            .verdict .word { margin: 0; font-size: 3.2rem; font-weight: 800; line-height: 1.1; letter-spacing: .03em; }
            .verdict .meaning { margin: .25rem 0 0; font-size: 1.2rem; }
            .verdict .tally { margin: .5rem 0 0; }
            .badge { display: inline-block; padding: 0 .55rem; border: 1px solid; border-radius: 1rem; font-weight: 700;
              font-size: .85rem; letter-spacing: .03em; white-space: nowrap; vertical-align: middle; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.25rem; margin: 0 0 1.5rem; }
            dl.facts dt { font-weight: 600; }
            dl.facts dd { margin: 0; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
            th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid #d1d9e0; }
            th { background: #f6f8fa; font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.when { white-space: nowrap; }
            caption { text-align: left; }
            .mono { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: .9em;
              overflow-wrap: anywhere; }
            section.set { margin-top: 2rem; padding-top: 1rem; border-top: 2px solid #d1d9e0; }
            .target { color: #59636e; margin: 0 0 .75rem; }
            .check { border: 1px solid #d1d9e0; border-left-width: 8px; border-radius: 6px; padding: .75rem 1rem;
              margin: 0 0 1rem; }
            .check .took { color: #59636e; font-weight: 400; font-size: .9rem; }
            .summary { margin: .25rem 0; }
            .metrics { margin: .25rem 0; color: #59636e; font-size: .9rem; }
            .metrics span { margin-right: 1.25rem; display: inline-block; }
            .none { color: #59636e; font-style: italic; margin: .25rem 0; }
            .problems { border: 2px solid #d1d9e0; border-radius: 8px; padding: .75rem 1.25rem; margin: 0 0 1.5rem; }
            .problems ol, .problems ul { margin: .25rem 0; padding-left: 1.25rem; }
            .problems li { margin: .25rem 0; }
            .problems ul.top { font-size: .92rem; }
            table.findings td.mono { min-width: 14rem; width: 30%; }
            .advice { color: #1f2328; font-style: italic; }
            .badge.note { color: #59636e; background: #f6f8fa; }
            footer { margin-top: 2rem; color: #59636e; font-size: .85rem; }
            a { color: #0550ae; }
            @media print {
              body { font-size: 10pt; max-width: none; padding: 0; }
              .verdict { background: #fff !important; color: #000; }
              .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
              tr, dl.facts, .check-head { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
              thead { display: table-header-group; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    private HtmlStyleSheet() {
    }

    static String css() {
        StringBuilder css = new StringBuilder(BASE);
        for (StatusStyle style : StatusStyle.values()) {
            String cls = style.cssClass();
            css.append(".verdict.").append(cls).append(" { background: ").append(style.strong())
                    .append("; border-color: ").append(style.strong()).append("; }\n");
            css.append(".badge.").append(cls).append(" { color: ").append(style.strong())
                    .append("; background: ").append(style.tint()).append("; }\n");
            css.append(".check.").append(cls).append(" { border-left-color: ").append(style.strong()).append("; }\n");
        }
        return css.toString();
    }
}
