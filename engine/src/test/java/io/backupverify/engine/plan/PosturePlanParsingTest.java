package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PosturePlanParsingTest {
    private static Plan parse(String firstSetChecks) throws PlanException {
        return new PlanParser().parse("""
                backupSets:
                  - name: orders
                    target: { type: local, path: /srv/backups }
                    checks:
                %s
                  - name: orders-offsite
                    offsite: true
                    target: { type: local, path: /mnt/vault }
                    checks:
                      freshness: { maxAge: 26h }
                """.formatted(firstSetChecks.indent(6)), "plan.yaml", Path.of("/plans"));
    }

    private static String problem(String checks) {
        try {
            parse(checks);
        } catch (PlanException e) {
            return e.getMessage();
        }
        throw new AssertionError("the plan was accepted");
    }

    @Test
    void readsAllFourPostureChecksWithTheIssuesExample() throws PlanException {
        Plan plan = parse("""
                encryption:   { atRest: required, inTransit: required, maxKeyAge: 365d }
                access:       { public: forbid, worldReadable: forbid, owner: backup, writers: [backup-writer] }
                immutability: { required: true, minRetention: 30d }
                copies:       { at: [orders-offsite], minCopies: 2, minProviders: 1, offsite: 1 }""");
        ChecksSpec checks = plan.backupSets().get(0).checks();
        assertThat(checks.encryption().atRest()).isEqualTo(Requirement.REQUIRED);
        assertThat(checks.encryption().maxKeyAge().duration()).isEqualTo(Duration.ofDays(365));
        assertThat(checks.encryption().unknown()).isEqualTo(UnknownVerdict.ERROR);
        assertThat(checks.access().publicAccess()).isEqualTo(AccessSpec.Permission.FORBID);
        assertThat(checks.access().owner()).isEqualTo("backup");
        assertThat(checks.access().writers()).containsExactly("backup-writer");
        assertThat(checks.immutability().minRetention().duration()).isEqualTo(Duration.ofDays(30));
        assertThat(checks.copies().at()).containsExactly("orders-offsite");
        assertThat(checks.copies().compare()).isEqualTo(CopiesSpec.Comparison.CONTENT);
        assertThat(plan.backupSets().get(0).isOffsite()).isFalse();
        assertThat(plan.backupSets().get(1).isOffsite()).isTrue();
    }

    @Test
    void defaultsAreTheStrictOnes() throws PlanException {
        ChecksSpec checks = parse("""
                encryption: {}
                access: {}
                immutability: {}
                copies: { at: [orders-offsite] }""").backupSets().get(0).checks();
        assertThat(checks.encryption().atRest()).isEqualTo(Requirement.REQUIRED);
        assertThat(checks.encryption().inTransit()).isEqualTo(Requirement.REQUIRED);
        assertThat(checks.access().worldReadable()).isEqualTo(AccessSpec.Permission.FORBID);
        assertThat(checks.immutability().required()).isTrue();
        assertThat(checks.immutability().mode()).isEqualTo(ImmutabilitySpec.Mode.COMPLIANCE);
        assertThat(checks.copies().minCopies()).isEqualTo(2);
        assertThat(checks.copies().at()).isEqualTo(List.of("orders-offsite"));
    }

    @Test
    void mistakesNameTheirKey() {
        assertThat(problem("copies: { at: [orders-dr] }")).contains("backupSets[0].checks.copies.at[0]")
                .contains("no backup set named 'orders-dr'; known sets: orders, orders-offsite");
        assertThat(problem("copies: { at: [orders] }")).contains("is this set itself");
        assertThat(problem("copies: { at: [] }")).contains("copies needs at least one other backup set");
        assertThat(problem("copies: { at: [orders-offsite], minCopies: 3 }"))
                .contains("copies.minCopies").contains("minCopies must be from 1 to 2");
        assertThat(problem("encryption: { atRest: yes }")).contains("encryption.atRest")
                .contains("'yes' is not a requirement; use required or report");
        assertThat(problem("access: { public: never }")).contains("'never' is not a permission; use forbid or allow");
        assertThat(problem("access: { publik: forbid }")).contains("unknown key 'publik'").contains("public");
        assertThat(problem("immutability: { unknown: pass }"))
                .contains("'pass' is not a verdict for unanswerable questions; use warn or error");
        assertThat(problem("immutability: { mode: legal-hold }")).contains("immutability.mode")
                .contains("'legal-hold' is not a lock mode; use compliance or governance");
        assertThatThrownBy(() -> parse("copies: { at: [orders-offsite], compare: bytes }"))
                .hasMessageContaining("use content or manifest");
    }
}
