package io.backupverify.engine.target;

import java.util.List;

/**
 * What a POSIX access control list ({@code setfacl}) lets write beyond the owner, group and other bits of
 * {@link PosixFileInfo}: the users and groups it names whose entry and mask allow writing, and whether the owning
 * group may write (with such a list the mode's group bits are its mask, not the owning group's own permissions).
 */
public record PosixAcl(List<String> writingUsers, List<String> writingGroups, boolean owningGroupCanWrite) {
    public PosixAcl {
        writingUsers = List.copyOf(writingUsers);
        writingGroups = List.copyOf(writingGroups);
    }
}
