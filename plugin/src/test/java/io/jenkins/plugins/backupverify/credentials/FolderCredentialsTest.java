package io.jenkins.plugins.backupverify.credentials;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.hudson.plugins.folder.properties.FolderCredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.backupverify.engine.credentials.CredentialsUnavailableException;
import io.backupverify.engine.credentials.UsernamePassword;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class FolderCredentialsTest {
    private static final String PASSWORD = "f0lder-secret";

    @Test
    void buildsInTheFolderUseItsCredentialsAndBuildsOutsideDoNot(JenkinsRule j) throws Exception {
        Folder folder = j.jenkins.createProject(Folder.class, "team");
        CredentialsStore store = folderStore(folder);
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL,
                "team-nas", "the team's NAS", "backup", PASSWORD));
        WorkflowJob inside = folder.createProject(WorkflowJob.class, "inside");
        inside.setDefinition(new CpsFlowDefinition("echo 'x'", true));
        WorkflowJob outside = j.createProject(WorkflowJob.class, "outside");
        outside.setDefinition(new CpsFlowDefinition("echo 'x'", true));

        WorkflowRun insideRun = j.buildAndAssertSuccess(inside);
        WorkflowRun outsideRun = j.buildAndAssertSuccess(outside);

        Map<String, TransferredCredential> forInside = CredentialLookup.resolve(List.of("team-nas"), insideRun);
        UsernamePassword login = (UsernamePassword) forInside.get("team-nas").toEngineValue();
        assertThat(login.password().reveal(), is(PASSWORD));

        Map<String, TransferredCredential> forOutside = CredentialLookup.resolve(List.of("team-nas"), outsideRun);
        CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
                () -> forOutside.get("team-nas").toEngineValue());
        assertThat(e.getMessage(), containsString("credentials 'team-nas' were not found, or this build may not use them"));
    }

    private static CredentialsStore folderStore(Folder folder) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(folder)) {
            if (store.getProvider() instanceof FolderCredentialsProvider && store.getContext() == folder) {
                return store;
            }
        }
        throw new AssertionError("no folder credentials store");
    }
}
