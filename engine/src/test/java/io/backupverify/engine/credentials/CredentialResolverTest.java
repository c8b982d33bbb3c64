package io.backupverify.engine.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.plan.TargetSpec;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialResolverTest {
    private static final String SECRET = "s3cr3t-value";

    @TempDir
    Path dir;

    /** A local target that names credentials, as remote targets will. */
    record GuardedTarget(String path, String credentialsId) implements TargetSpec {
        @Override
        public String type() {
            return "guarded";
        }

        @Override
        public String describe() {
            return "guarded:" + path;
        }
    }

    @Test
    void resolvesKnownIdsAndNamesUnknownOnes() throws Exception {
        CredentialResolver resolver = CredentialResolver.of(Map.of("nas", new SecretText(SecretValue.of(SECRET))));

        assertThat(resolver.resolve("nas")).isInstanceOf(SecretText.class);
        assertThatThrownBy(() -> resolver.resolve("nope"))
                .isInstanceOf(CredentialsUnavailableException.class)
                .hasMessage("credentials 'nope' were not found");
        assertThatThrownBy(() -> CredentialResolver.NONE.resolve("x")).hasMessageContaining("'x'");
    }

    @Test
    void aWrongKindIsNamedWithoutTheSecret() {
        CredentialResolver resolver = CredentialResolver.of(Map.of("nas", new SecretText(SecretValue.of(SECRET))));

        assertThatThrownBy(() -> resolver.resolve("nas", UsernamePassword.class, "username and password"))
                .hasMessage("credentials 'nas' are secret text, but username and password is needed")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void listsTheIdsAPlanNeedsForTheSelectedSets() {
        Plan plan = planWith(List.of(set("a", "one"), set("b", null), set("c", "two"), set("d", "one")));

        assertThat(PlanCredentials.idsNeeded(plan, List.of())).containsExactly("one", "two");
        assertThat(PlanCredentials.idsNeeded(plan, List.of("c"))).containsExactly("two");
    }

    @Test
    void missingCredentialsMakeEveryCheckOfTheSetAnErrorNamingTheId() throws Exception {
        Files.createDirectories(dir.resolve("backups"));
        Plan plan = new PlanParser().withTargetType("guarded", GuardedTarget.class).parse("""
                backupSets:
                  - name: nas
                    target: {type: guarded, path: backups, credentialsId: nas-login}
                    layout: {kind: directory-per-backup, namePattern: "nas-{yyyy-MM-dd}"}
                    checks:
                      freshness: {maxAge: 26h}
                """, "plan.yaml", dir);

        RunResult result = new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.NONE))
                .verify(plan, VerifyOptions.defaults());

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.sets().get(0).checks()).isNotEmpty().allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(Status.ERROR);
            assertThat(check.summary()).contains("credentials 'nas-login' were not found");
        });
    }

    @Test
    void resolvedCredentialsReachTheTargetFactory() throws Exception {
        Files.createDirectories(dir.resolve("backups"));
        AtomicReference<CredentialValue> seen = new AtomicReference<>();
        CredentialedTargetOpener opener = new CredentialedTargetOpener(dir,
                CredentialResolver.of(Map.of("nas-login", new SecretText(SecretValue.of(SECRET)))),
                (spec, base, credentials) -> {
                    seen.set(credentials.orElseThrow());
                    return Targets.open(new io.backupverify.engine.plan.LocalTargetSpec("backups"), base);
                });

        opener.apply(set("nas", "nas-login")).close();

        assertThat(((SecretText) seen.get()).secret().reveal()).isEqualTo(SECRET);
    }

    @Test
    void aTargetThatCannotBeOpenedIsAnError() throws Exception {
        Plan plan = new PlanParser().withTargetType("guarded", GuardedTarget.class).parse("""
                backupSets:
                  - name: nas
                    target: {type: guarded, path: backups}
                    checks:
                      freshness: {maxAge: 26h}
                """, "plan.yaml", dir);
        CredentialedTargetOpener opener = new CredentialedTargetOpener(dir, CredentialResolver.NONE,
                (spec, base, credentials) -> {
                    throw new IOException("connection refused");
                });

        RunResult result = new Verifier(opener).verify(plan, VerifyOptions.defaults());

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.sets().get(0).checks().get(0).summary()).contains("cannot open the target");
    }

    private static BackupSetSpec set(String name, String credentialsId) {
        return new BackupSetSpec(name, new GuardedTarget("backups", credentialsId), null, null);
    }

    private Plan planWith(List<BackupSetSpec> sets) {
        return new Plan("plan.yaml", dir, java.time.ZoneOffset.UTC, sets);
    }
}
