package io.backupverify.engine.credentials;

import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.TargetSpec;
import io.backupverify.engine.run.TargetUnavailableException;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.Targets;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens each set's target with the credentials its {@code credentialsId} names, for
 * {@link io.backupverify.engine.run.Verifier#Verifier(Function)}. Credentials that cannot be had make the target
 * unavailable, so every check of that set is an ERROR whose message names the id.
 */
public final class CredentialedTargetOpener implements Function<BackupSetSpec, Target> {
    /** Opens one kind of target given its resolved credentials (empty when the target names none). */
    @FunctionalInterface
    public interface TargetFactory {
        Target open(TargetSpec spec, Path baseDir, Optional<CredentialValue> credentials) throws IOException;
    }

    private final Path baseDir;
    private final CredentialResolver resolver;
    private final TargetFactory factory;

    /** An opener for the target kinds {@link Targets} knows. */
    public CredentialedTargetOpener(Path baseDir, CredentialResolver resolver) {
        this(baseDir, resolver, (spec, dir, credentials) -> Targets.open(spec, dir, credentials, resolver));
    }

    public CredentialedTargetOpener(Path baseDir, CredentialResolver resolver, TargetFactory factory) {
        this.baseDir = baseDir;
        this.resolver = resolver;
        this.factory = factory;
    }

    @Override
    public Target apply(BackupSetSpec set) {
        TargetSpec spec = set.target();
        Optional<CredentialValue> credentials = Optional.empty();
        String id = spec.credentialsId();
        if (id != null && !id.isBlank()) {
            try {
                credentials = Optional.of(resolver.resolve(id.trim()));
            } catch (CredentialsUnavailableException e) {
                throw new TargetUnavailableException(e.getMessage());
            }
        }
        try {
            return factory.open(spec, baseDir, credentials);
        } catch (IOException e) {
            throw new TargetUnavailableException("cannot open the target: " + IoErrors.describe(e));
        }
    }
}
