package io.jenkins.plugins.backupverify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** Pipeline scripts that lay out a local backup target in the workspace and verify it. */
public final class Pipelines {
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm").withZone(ZoneOffset.UTC);

    /** A plan with one set, "orders-db", whose newest backup may be 26 hours old. */
    public static final String PLAN = """
            backupSets:
              - name: orders-db
                target: {type: local, path: backups}
                layout: {kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd'T'HHmm}"}
                checks:
                  freshness: {maxAge: 26h}
            """;

    private Pipelines() {
    }

    /** The name of a backup made {@code age} ago (negative: in the future). */
    public static String backupName(Duration age) {
        return "orders-" + NAME.format(Instant.now().minus(age));
    }

    /** Script lines that write the plan file and one backup of the given age into the workspace. */
    public static String layout(Duration age) {
        return "writeFile file: 'plan.yaml', text: '''" + PLAN + "'''\n"
                + "writeFile file: 'backups/" + backupName(age) + "/orders.dump', text: 'data'\n";
    }

    public static WorkflowJob job(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** A job that lays out a backup of the given age and runs {@code backupVerify} with the given arguments. */
    public static WorkflowJob verifying(JenkinsRule j, String name, Duration age, String arguments) throws Exception {
        return job(j, name, "node {\n" + layout(age)
                + "def r = backupVerify " + arguments + "\n"
                + "echo \"status=${r.status} outcome=${r.outcome} orders=${r.sets['orders-db']} passed=${r.checks.PASS}\"\n"
                + "}\n");
    }
}
