package io.backupverify.engine.plan;


/** The verdict when a store cannot answer a posture question: WARN or ERROR, never PASS. */
public enum UnknownVerdict {
    WARN, ERROR;

    public String key() {
        return PlanKeyword.key(this);
    }

    public static UnknownVerdict fromKey(String key) {
        return PlanKeyword.parse(UnknownVerdict.class, key, "a verdict for unanswerable questions");
    }
}
