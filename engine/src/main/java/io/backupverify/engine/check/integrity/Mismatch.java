package io.backupverify.engine.check.integrity;

import java.util.HexFormat;

/** A file that was read whole, with the size it was listed with, but whose digest differs from its manifest's. */
record Mismatch(ExpectedFile file, byte[] actual, long bytes) {
    private static final int SHOWN_HEX = 16;

    String changedMessage() {
        return "changed: " + file.algorithm().displayName() + " differs from " + file.origin() + " (expected "
                + shorten(file.expectedHex()) + ", found " + shorten(HexFormat.of().formatHex(actual)) + ", "
                + bytes + " bytes)";
    }

    static String shorten(String hex) {
        return hex.length() <= SHOWN_HEX ? hex : hex.substring(0, SHOWN_HEX) + "…";
    }
}
