package io.backupverify.engine.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The verdict when a store cannot answer a posture question: WARN or ERROR, never PASS. */
public enum UnknownVerdict {
    WARN, ERROR;

    @JsonValue
    public String key() {
        return PlanKeyword.key(this);
    }

    @JsonCreator
    public static UnknownVerdict fromKey(String key) {
        return PlanKeyword.parse(UnknownVerdict.class, key, "a verdict for unanswerable questions");
    }
}
