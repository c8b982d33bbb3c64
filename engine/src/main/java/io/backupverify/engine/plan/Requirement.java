package io.backupverify.engine.plan;


/** Whether a posture property must hold ({@code required}: FAIL when it does not) or is only reported. */
public enum Requirement {
    REQUIRED, REPORT;

    public String key() {
        return PlanKeyword.key(this);
    }

    public static Requirement fromKey(String key) {
        return PlanKeyword.parse(Requirement.class, key, "a requirement");
    }
}
