package io.backupverify.engine.plan;

import java.util.List;

/**
 * Who can read or change the backups. {@code public} and {@code worldReadable} are {@code forbid} or
 * {@code allow}; {@code owner} and {@code group} name the expected owner of every file and folder;
 * {@code writers} lists the users and groups that may write (the owner when it has write permission, the group
 * when it has). {@code scope} picks the backups examined (all by default: old backups are just as readable).
 */
public record AccessSpec(Permission publicAccess, Permission worldReadable, String owner, String group,
        List<String> writers, IntegrityScope scope, UnknownVerdict unknown) {
    public AccessSpec {
        publicAccess = publicAccess == null ? Permission.FORBID : publicAccess;
        worldReadable = worldReadable == null ? Permission.FORBID : worldReadable;
        writers = writers == null ? List.of() : List.copyOf(writers);
        scope = scope == null ? IntegrityScope.ALL : scope;
        unknown = unknown == null ? UnknownVerdict.ERROR : unknown;
    }

    /** {@code forbid} or {@code allow}. */
    public enum Permission {
        FORBID, ALLOW;

        public String key() {
            return PlanKeyword.key(this);
        }

        public static Permission fromKey(String key) {
            return PlanKeyword.parse(Permission.class, key, "a permission");
        }
    }
}
