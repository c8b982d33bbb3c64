package io.backupverify.engine.target;

import java.io.IOException;

/**
 * The store cannot answer a posture question: it does not implement the API (HTTP 501), or refuses it (403). A
 * check turns this into the verdict its {@code unknown} key names, never into a pass.
 */
public class UnansweredException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnansweredException(String message) {
        super(message);
    }
}
