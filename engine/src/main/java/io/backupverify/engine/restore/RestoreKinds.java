package io.backupverify.engine.restore;

import io.backupverify.engine.plan.RestoreSpec;
import io.backupverify.engine.restore.archive.ArchiveRestoreKind;
import io.backupverify.engine.restore.database.MysqlRestoreKind;
import io.backupverify.engine.restore.database.PostgresRestoreKind;
import io.backupverify.engine.restore.files.FilesRestoreKind;
import io.backupverify.engine.restore.restic.ResticRestoreKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The restore kinds this build knows, by plan spec type. */
public final class RestoreKinds {
    private final Map<Class<?>, RestoreKind<?>> kinds = new LinkedHashMap<>();

    /** Every kind the product ships. */
    public static RestoreKinds defaults() {
        return new RestoreKinds()
                .with(new FilesRestoreKind())
                .with(new ArchiveRestoreKind())
                .with(new PostgresRestoreKind())
                .with(new MysqlRestoreKind())
                .with(new ResticRestoreKind());
    }

    public RestoreKinds with(RestoreKind<?> kind) {
        kinds.put(kind.specType(), kind);
        return this;
    }

    /** The kind that restores this spec. */
    public Optional<RestoreKind<?>> find(RestoreSpec spec) {
        return Optional.ofNullable(kinds.get(spec.getClass()));
    }

    public Collection<RestoreKind<?>> all() {
        return List.copyOf(new ArrayList<>(kinds.values()));
    }
}
