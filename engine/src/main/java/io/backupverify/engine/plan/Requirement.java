package io.backupverify.engine.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a posture property must hold ({@code required}: FAIL when it does not) or is only reported. */
public enum Requirement {
    REQUIRED, REPORT;

    @JsonValue
    public String key() {
        return PlanKeyword.key(this);
    }

    @JsonCreator
    public static Requirement fromKey(String key) {
        return PlanKeyword.parse(Requirement.class, key, "a requirement");
    }
}
