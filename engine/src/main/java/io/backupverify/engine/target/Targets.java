package io.backupverify.engine.target;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.plan.AzureTargetSpec;
import io.backupverify.engine.plan.LocalTargetSpec;
import io.backupverify.engine.plan.ResticTargetSpec;
import io.backupverify.engine.plan.S3TargetSpec;
import io.backupverify.engine.plan.SftpTargetSpec;
import io.backupverify.engine.plan.TargetSpec;
import io.backupverify.engine.target.azure.AzureTarget;
import io.backupverify.engine.target.restic.ResticTarget;
import io.backupverify.engine.target.s3.S3Targets;
import io.backupverify.engine.target.sftp.SftpTarget;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the target a plan names. */
public final class Targets {
    private Targets() {
    }

    /**
     * Where a local target is: {@code ~} and {@code ~/...} are in the home folder of the user running the check, a
     * relative path is relative to the plan's folder.
     */
    public static Path localPath(String written, Path baseDir) throws IOException {
        try {
            String expanded = written.equals("~") || written.startsWith("~/")
                    ? System.getProperty("user.home") + written.substring(1) : written;
            Path path = Path.of(expanded);
            return path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path);
        } catch (InvalidPathException e) {
            throw new IOException("'" + written + "' is not a valid path: " + e.getReason());
        }
    }

    /**
     * Opens a target.
     *
     * @param baseDir the folder relative local paths are resolved against (the plan's folder)
     */
    public static Target open(TargetSpec spec, Path baseDir) throws IOException {
        String id = spec.credentialsId();
        if (id != null && !id.isBlank()) {
            // A target naming credentials uses exactly those; it never falls back to the platform's defaults.
            throw new IOException("credentials '" + id.trim() + "' were not found: nothing supplies credentials here");
        }
        return open(spec, baseDir, Optional.empty());
    }

    /**
     * Opens a target with the credentials its {@code credentialsId} names, already resolved; empty when it names
     * none, in which case the target uses its platform's usual defaults (for S3 the SDK's default chain).
     */
    public static Target open(TargetSpec spec, Path baseDir, Optional<CredentialValue> credentials)
            throws IOException {
        return open(spec, baseDir, credentials, CredentialResolver.NONE);
    }

    /**
     * Opens a target with the credentials its {@code credentialsId} names, already resolved, and a resolver for the
     * further ids some targets name (a restic repository's {@code passwordCredentialsId}).
     */
    public static Target open(TargetSpec spec, Path baseDir, Optional<CredentialValue> credentials,
            CredentialResolver resolver) throws IOException {
        if (spec instanceof AzureTargetSpec azure) {
            return AzureTarget.open(azure, credentials);
        }
        if (spec instanceof ResticTargetSpec restic) {
            return ResticTarget.open(restic, baseDir, credentials, resolver);
        }
        if (spec instanceof LocalTargetSpec local) {
            return new LocalTarget(localPath(local.path(), baseDir));
        }
        if (spec instanceof SftpTargetSpec sftp) {
            return SftpTarget.open(sftp, baseDir, credentials);
        }
        if (spec instanceof S3TargetSpec s3) {
            return S3Targets.open(s3, credentials);
        }
        throw new IOException("targets of type '" + spec.type() + "' are not supported by this version");
    }
}
