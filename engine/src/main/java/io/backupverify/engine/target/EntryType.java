package io.backupverify.engine.target;

/** What a name on a target is. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, OTHER
}
