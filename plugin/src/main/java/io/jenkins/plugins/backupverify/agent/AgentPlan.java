package io.jenkins.plugins.backupverify.agent;

import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A plan on its way to the agent, as every step's callable carries it: the text and where it came from. On the agent
 * it is parsed again with the workspace's paths, and an engine command runs on it.
 *
 * @param text   the plan's YAML text
 * @param source the plan's name for messages (the file name, or {@code planText})
 * @param dir    the folder relative local paths are resolved against, relative to the workspace ("" for the
 *               workspace itself)
 */
public record AgentPlan(String text, String source, String dir) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What a step runs on the agent: an engine command on the parsed plan, giving its JSON report. */
    @FunctionalInterface
    public interface Command {
        String run(Plan plan, Path baseDir) throws IOException, InterruptedException;
    }

    public Path baseDir(File workspace) {
        return workspace.toPath().resolve(dir).normalize();
    }

    /** Parses the plan against the workspace and runs the command; a plan mistake comes back as the outcome's problem. */
    public AgentOutcome run(File workspace, Command command) throws IOException, InterruptedException {
        Path baseDir = baseDir(workspace);
        Plan plan;
        try {
            plan = new PlanParser().parse(text, source, baseDir);
        } catch (PlanException e) {
            return AgentOutcome.failed(e.getMessage());
        }
        return AgentOutcome.report(command.run(plan, baseDir));
    }

    @Override
    public String toString() {
        return source;
    }
}
