package io.backupverify.engine.check.access;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.Advice;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.PostureChecks;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.AccessSpec;
import io.backupverify.engine.plan.AccessSpec.Permission;
import io.backupverify.engine.target.AccessControlLists;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.PosixAcl;
import io.backupverify.engine.target.PosixAttributes;
import io.backupverify.engine.target.PosixFileInfo;
import io.backupverify.engine.target.PublicAccess;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.UnansweredException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can read or change the backups: a store opened to the public, files others can read (the file readable by
 * others and every folder down to it passable by others), anything others can write, owners and groups other
 * than the expected ones, and write permission held by users or groups not among {@code writers}.
 */
public final class AccessCheck implements Check {
    private final AccessSpec spec;

    public AccessCheck(AccessSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return "access";
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        String message = finding.message();
        if (message.startsWith("open to the public: its object ACL")) {
            return "make the object private (aws s3api put-object-acl --acl private), and turn on the public access "
                    + "block's IgnorePublicAcls or disable ACLs (object ownership BucketOwnerEnforced) for the bucket";
        }
        if (message.startsWith("open to the public")) {
            return "turn on the bucket's public access block and remove public grants from its policy and ACL";
        }
        if (message.startsWith("readable by anyone")) {
            return "remove read access for others (chmod o-rwx) on the backup folders, or close the target folder "
                    + "to others";
        }
        if (message.startsWith("writable by anyone")) {
            return "remove write access for others at once (chmod o-w) and check the backups for tampering";
        }
        if (message.startsWith("owned by") || message.startsWith("group ")) {
            return "give the backups to the expected owner and group (chown), and check how the other one wrote "
                    + "them";
        }
        if (message.contains("through its access control list")) {
            return "remove that entry from the list (setfacl -x u:NAME or g:NAME), or give it read only (setfacl -m "
                    + "u:NAME:rX); setfacl -b removes the whole list";
        }
        if (message.startsWith("writable by")) {
            return "remove write permission from users and groups that are not backup writers (chmod g-w)";
        }
        return Advice.general(finding);
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException {
        CheckResult.Builder result = CheckResult.builder(id());
        Target target = context.target();
        Status unknown = PostureChecks.verdictFor(spec.unknown());
        if (publicAccess(target, result, unknown)) {
            publicObjects(context, result, unknown);
        }
        if (!(target instanceof PosixAttributes posix)) {
            if (spec.owner() != null || spec.group() != null || !spec.writers().isEmpty()) {
                result.finding(new Finding(target.description(), "owner, group and writers are set, but this kind "
                        + "of target keeps no file owners or permissions", unknown));
            }
            return result.summary(result.currentFindings().isEmpty() ? "not open to the public"
                    : "open to the public or unknown; this target keeps no file permissions").build();
        }
        List<Backup> backups = PostureChecks.select(context, spec.scope());
        if (backups.isEmpty()) {
            return result.noBackupFound().build();
        }
        Walk walk = new Walk(posix, accessControlLists(target, result, unknown), result);
        walk.examine("", "(target folder)", true);
        for (Backup backup : backups) {
            BackupContents contents = context.contents(backup);
            if (backup.directory()) {
                walk.examine(backup.path(), backup.id(), true);
            }
            for (Entry entry : contents.entries()) {
                if (entry.isFile() || entry.isDirectory()) {
                    String item = backup.directory() ? backup.id() + "/" + contents.relativePath(entry)
                            : entry.path();
                    walk.examine(entry.path(), item, entry.isDirectory());
                }
            }
        }
        walk.problems.finish(result);
        result.metric("entriesExamined", walk.examined);
        result.metric("readableByOthers", walk.readableByOthers);
        result.metric("owners", List.copyOf(walk.owners));
        return result.summary(walk.examined + " files and folders examined; " + walk.problems.total()
                + " access problem" + (walk.problems.total() == 1 ? "" : "s")).build();
    }

    /**
     * The targets' access control lists when writers are named (a user or group named in one may write whatever the
     * mode bits say); none when they are not asked about or cannot be read (then the unknown verdict is given).
     */
    private Map<String, PosixAcl> accessControlLists(Target target, CheckResult.Builder result, Status unknown)
            throws IOException {
        if (spec.writers().isEmpty() || !(target instanceof AccessControlLists lists)) {
            return Map.of();
        }
        try {
            return lists.accessControlLists();
        } catch (UnansweredException e) {
            result.finding(new Finding(target.description(), e.getMessage(), unknown));
            return Map.of();
        }
    }

    /** Whether the store answered for the whole bucket or container (its files are asked about next). */
    private boolean publicAccess(Target target, CheckResult.Builder result, Status unknown) throws IOException {
        if (spec.publicAccess() != Permission.FORBID) {
            return false;
        }
        if (target instanceof PublicAccess store) {
            List<String> grants;
            try {
                grants = store.publicGrants();
            } catch (UnansweredException e) {
                result.finding(new Finding(target.description(), e.getMessage(), unknown));
                return false;
            }
            for (String grant : grants) {
                result.finding(Finding.fail(target.description(), "open to the public: " + grant));
            }
            result.metric("publicGrants", grants.size());
            return true;
        }
        if (!(target instanceof PosixAttributes)) {
            result.finding(new Finding(target.description(), "this kind of target cannot tell whether it is open "
                    + "to the public", unknown));
        }
        return false;
    }

    /**
     * Each file's own access list, where the store lets one open a file to the public whatever the bucket says (an
     * S3 object uploaded with {@code --acl public-read} while the bucket's ACLs are enabled and not ignored).
     */
    private void publicObjects(CheckContext context, CheckResult.Builder result, Status unknown) throws IOException {
        if (!(context.target() instanceof PublicAccess store)) {
            return;
        }
        LimitedFindings problems = new LimitedFindings();
        long examined = 0;
        long publicFiles = 0;
        try {
            if (!store.objectGrantsApply()) {
                return;
            }
            for (Backup backup : PostureChecks.select(context, spec.scope())) {
                BackupContents contents = context.contents(backup);
                for (Entry entry : contents.entries()) {
                    if (!entry.isFile()) {
                        continue;
                    }
                    examined++;
                    String item = backup.directory() ? backup.id() + "/" + contents.relativePath(entry)
                            : entry.path();
                    List<String> grants = store.objectGrants(entry.path());
                    if (!grants.isEmpty()) {
                        publicFiles++;
                    }
                    for (String grant : grants) {
                        problems.add(result, "files open to the public", Status.FAIL, item, "open to the public: "
                                + grant);
                    }
                }
            }
        } catch (UnansweredException e) {
            result.finding(new Finding(context.target().description(), e.getMessage(), unknown));
        }
        problems.finish(result);
        result.metric("objectAclsExamined", examined).metric("publicFiles", publicFiles);
    }

    /** Examines entries parent first, remembering which folders others may pass through. */
    private final class Walk {
        private final PosixAttributes posix;
        private final Map<String, PosixAcl> acls;
        private final CheckResult.Builder result;
        private final LimitedFindings problems = new LimitedFindings();
        private final Map<String, Boolean> passableByOthers = new HashMap<>();
        private final Set<String> owners = new LinkedHashSet<>();
        private long examined;
        private long readableByOthers;

        Walk(PosixAttributes posix, Map<String, PosixAcl> acls, CheckResult.Builder result) {
            this.posix = posix;
            this.acls = acls;
            this.result = result;
        }

        void examine(String path, String item, boolean folder) throws IOException {
            PosixFileInfo info = posix.posix(path);
            examined++;
            owners.add(info.owner() + ":" + info.group());
            boolean reachable = parentPassable(path);
            if (folder) {
                passableByOthers.put(path, reachable && (info.mode() & 0001) != 0);
            } else if (reachable && info.othersCanRead()) {
                readableByOthers++;
                if (spec.worldReadable() == Permission.FORBID) {
                    problems.add(result, "files readable by anyone", Status.FAIL, item, "readable by anyone ("
                            + info.symbolic() + ")");
                }
            }
            if (info.othersCanWrite()) {
                problems.add(result, "entries writable by anyone", Status.FAIL, item, "writable by anyone ("
                        + info.symbolic() + "): anyone on the machine can change or delete backups");
            }
            if (spec.owner() != null && !spec.owner().equals(info.owner())) {
                problems.add(result, "entries with another owner", Status.FAIL, item, "owned by " + info.owner()
                        + ", expected " + spec.owner());
            }
            if (spec.group() != null && !spec.group().equals(info.group())) {
                problems.add(result, "entries with another group", Status.FAIL, item, "group " + info.group()
                        + ", expected " + spec.group());
            }
            if (!spec.writers().isEmpty()) {
                writers(info, acls.get(path), item);
            }
        }

        /** With an access control list the mode's group bits are its mask: the list tells who may write. */
        private void writers(PosixFileInfo info, PosixAcl acl, String item) {
            if (info.ownerCanWrite() && !spec.writers().contains(info.owner())) {
                problems.add(result, "entries writable by unlisted users", Status.FAIL, item, "writable by its "
                        + "owner " + info.owner() + ", who is not among the writers " + spec.writers());
            }
            boolean groupCanWrite = acl == null ? info.groupCanWrite() : acl.owningGroupCanWrite();
            if (groupCanWrite && !spec.writers().contains(info.group())) {
                problems.add(result, "entries writable by unlisted groups", Status.FAIL, item, "writable by "
                        + "group " + info.group() + ", which is not among the writers " + spec.writers());
            }
            if (acl == null) {
                return;
            }
            for (String user : acl.writingUsers()) {
                if (!spec.writers().contains(user)) {
                    problems.add(result, "entries writable by unlisted users", Status.FAIL, item, "writable by "
                            + "user " + user + " through its access control list (setfacl), who is not among the "
                            + "writers " + spec.writers());
                }
            }
            for (String group : acl.writingGroups()) {
                if (!spec.writers().contains(group)) {
                    problems.add(result, "entries writable by unlisted groups", Status.FAIL, item, "writable by "
                            + "group " + group + " through its access control list (setfacl), which is not among "
                            + "the writers " + spec.writers());
                }
            }
        }

        /** Folders above the target are not looked at: an unknown parent counts as passable. */
        private boolean parentPassable(String path) {
            if (path.isEmpty()) {
                return true;
            }
            int slash = path.lastIndexOf('/');
            String parent = slash < 0 ? "" : path.substring(0, slash);
            return passableByOthers.getOrDefault(parent, Boolean.TRUE);
        }
    }
}
