package io.backupverify.engine.plan;

/**
 * Where the backups of a set are and how they are named. The backup time comes from the {@code {...}} date
 * pattern in {@code namePattern} (java.time pattern letters), else from the modification time.
 */
public record LayoutSpec(LayoutKind kind, String namePattern) {
    public static final LayoutSpec DEFAULT = new LayoutSpec(LayoutKind.DIRECTORY_PER_BACKUP, "*");

    public LayoutSpec {
        kind = kind == null ? LayoutKind.DIRECTORY_PER_BACKUP : kind;
        namePattern = namePattern == null || namePattern.isBlank() ? "*" : namePattern;
    }
}
