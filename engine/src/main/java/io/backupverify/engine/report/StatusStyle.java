package io.backupverify.engine.report;

import io.backupverify.engine.check.Status;
import java.util.Locale;

/**
 * How the HTML report shows a status: a strong colour for white text (the verdict banner), a dark text colour on
 * a light tint (badges), and words, so that the meaning never rests on colour alone.
 */
enum StatusStyle {
    PASS(Status.PASS, "#116329", "#dafbe1", "Passed", "every check of every backup set passed."),
    WARN(Status.WARN, "#7d4e00", "#fff8c5", "Passed with warnings", "no check failed, but some found things to look at."),
    FAIL(Status.FAIL, "#a40e26", "#ffebe9", "Failed", "at least one check found a problem with the backups."),
    ERROR(Status.ERROR, "#5a32a3", "#fbefff", "Error",
            "at least one check could not be carried out, so the backups are not proven good.");

    private final Status status;
    private final String strong;
    private final String tint;
    private final String headline;
    private final String explanation;

    StatusStyle(Status status, String strong, String tint, String headline, String explanation) {
        this.status = status;
        this.strong = strong;
        this.tint = tint;
        this.headline = headline;
        this.explanation = explanation;
    }

    static StatusStyle of(Status status) {
        for (StatusStyle style : values()) {
            if (style.status == status) {
                return style;
            }
        }
        throw new IllegalArgumentException("no style for " + status);
    }

    /** The background of the verdict banner, under white text; also the text colour of badges. */
    String strong() {
        return strong;
    }

    /** The background of badges, under {@link #strong()} text. */
    String tint() {
        return tint;
    }

    /** The verdict in words: "Passed with warnings". */
    String headline() {
        return headline;
    }

    /** What the verdict means, as a sentence ending in a full stop. */
    String explanation() {
        return explanation;
    }

    /** The CSS class that carries these colours: {@code s-fail}. */
    String cssClass() {
        return "s-" + name().toLowerCase(Locale.ROOT);
    }
}
