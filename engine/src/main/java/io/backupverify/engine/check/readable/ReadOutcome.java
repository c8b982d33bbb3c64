package io.backupverify.engine.check.readable;

/**
 * What reading one file to its end showed.
 *
 * @param path        the file's path on the target
 * @param result      read whole, broken, of a format not understood, or not readable at all
 * @param formats     the formats found, outermost first, joined by {@code +} ("gzip+tar"); empty if none
 * @param description the formats found and what was read ("gzip, tar, 12 entries"), or what is wrong
 * @param offset      for a broken or unreadable file: the byte of the file where reading stopped
 * @param bytes       bytes of the file read
 * @param warning     for a file read whole: what reading it noticed that deserves a warning, or empty
 */
record ReadOutcome(String path, Result result, String formats, String description, long offset, long bytes,
        String warning) {
    ReadOutcome(String path, Result result, String formats, String description, long offset, long bytes) {
        this(path, result, formats, description, offset, bytes, "");
    }

    enum Result {
        READ, BROKEN, UNKNOWN, UNREADABLE
    }
}
