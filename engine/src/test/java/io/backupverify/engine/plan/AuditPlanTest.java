package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditPlanTest {
    private static final String SETS = """
            backupSets:
              - name: orders-db
                target: { type: local, path: /srv/backups/orders }
                checks: { freshness: { maxAge: 26h } }
            """;

    private final PlanParser parser = new PlanParser();

    @Test
    void readsTheDocumentedAuditSection() throws PlanException {
        Plan plan = parse(SETS + """
                audit:
                  period: 30d
                  successRate: { min: 98% }
                  capacity: { warnAt: 80% }
                  restoreTests: { atLeast: 1, per: 30d, rto: 45m }
                  coverage: { fullWithin: 30d }
                  inventory: [orders-db, web-assets, payments-export, crm-export]
                  escalation: { critical: "on-call: ops-pager", warning: "team lead within a week", info: "backup owner" }
                  frameworks: [nist-800-53, iso-27001, hipaa, pci-dss, gdpr, soc2]
                """);

        AuditSpec audit = plan.audit();
        assertThat(audit.period().duration()).isEqualTo(Duration.ofDays(30));
        assertThat(audit.successRate().min().value()).isEqualTo(98.0);
        assertThat(audit.capacity().warnAt().value()).isEqualTo(80.0);
        assertThat(audit.restoreTests().atLeast()).isEqualTo(1);
        assertThat(audit.restoreTests().rto().duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(audit.fullWithin().duration()).isEqualTo(Duration.ofDays(30));
        assertThat(audit.inventory()).containsExactly("orders-db", "web-assets", "payments-export", "crm-export");
        assertThat(audit.escalation().critical()).isEqualTo("on-call: ops-pager");
        assertThat(audit.frameworks()).hasSize(6);
    }

    @Test
    void aPlanWithoutAnAuditSectionGetsTheDefaults() throws PlanException {
        AuditSpec audit = parse(SETS).audit();

        assertThat(audit.period().duration()).isEqualTo(Duration.ofDays(30));
        assertThat(audit.successRate().min().value()).isEqualTo(98.0);
        assertThat(audit.capacity().warnAt().value()).isEqualTo(80.0);
        assertThat(audit.restoreTests()).isNull();
        assertThat(audit.fullWithin()).isEqualTo(audit.period());
        assertThat(audit.inventory()).isEmpty();
        assertThat(audit.escalation().warning()).isEqualTo(AuditSpec.EscalationSpec.DEFAULT_WARNING);
        assertThat(audit.frameworks()).isEqualTo(AuditSpec.FRAMEWORKS);
    }

    @Test
    void errorsNameTheKey() {
        assertProblem("audit: { period: 0d }", "audit.period", "period must be more than 0");
        assertProblem("audit: { successRate: { min: 120% } }", "audit.successRate.min", "at most 100%");
        assertProblem("audit: { capacity: { warnAt: 0% } }", "audit.capacity.warnAt", "more than 0%");
        assertProblem("audit: { restoreTests: { atLeast: 0 } }", "audit.restoreTests.atLeast", "1 or more");
        assertProblem("audit: { restoreTests: { rto: 0m } }", "audit.restoreTests.rto", "more than 0");
        assertProblem("audit: { inventory: [a, a] }", "audit.inventory[1]", "listed twice");
        assertProblem("audit: { frameworks: [nist-800-53, sox] }", "audit.frameworks[1]", "unknown framework 'sox'");
        assertProblem("audit: { escalation: { critical: \" \" } }", "audit.escalation.critical", "say who is told");
        assertProblem("audit: { sucessRate: { min: 98% } }", "audit.sucessRate", "unknown key 'sucessRate'");
        assertProblem("audit: { period: monthly }", "audit.period", "not a duration");
    }

    private void assertProblem(String audit, String key, String message) {
        assertThatThrownBy(() -> parse(SETS + audit + "\n"))
                .isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.line()).isGreaterThan(0);
                    assertThat(e.problem()).contains(message);
                });
    }

    private Plan parse(String text) throws PlanException {
        return parser.parse(text, "plan.yaml", Path.of("/tmp"));
    }

    @Test
    void everyFrameworkIdIsKnown() {
        assertThat(AuditSpec.FRAMEWORKS).doesNotHaveDuplicates();
        assertThat(List.copyOf(AuditSpec.FRAMEWORKS)).contains("pci-dss", "soc2");
    }
}
