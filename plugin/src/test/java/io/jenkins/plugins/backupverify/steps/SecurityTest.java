package io.jenkins.plugins.backupverify.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.backupverify.Pipelines;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

@WithJenkins
class SecurityTest {
    private JenkinsRule j;
    private WorkflowJob job;
    private BackupVerifyStep.DescriptorImpl descriptor;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "nas-login", "NAS", "backup", "s3cret-value"));
        SystemCredentialsProvider.getInstance().save();
        job = Pipelines.job(j, "secured", "echo 'x'");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader", "developer")
                .grant(Item.CONFIGURE).onItems(job).to("developer"));
        descriptor = j.jenkins.getDescriptorByType(BackupVerifyStep.DescriptorImpl.class);
    }

    private List<String> credentialIdsAs(String user) {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            ListBoxModel model = descriptor.doFillCredentialsIdItems(job, "");
            return model.stream().map(option -> option.value).toList();
        }
    }

    @Test
    void onlyUsersWhoCanConfigureTheJobListCredentialIds() {
        assertThat(credentialIdsAs("reader"), not(hasItem("nas-login")));
        assertThat(credentialIdsAs("developer"), hasItem("nas-login"));
    }

    @Test
    void validationNeedsConfigurePermission() {
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThrows(AccessDeniedException.class, () -> descriptor.doCheckPlanText(job, "backupSets: []"));
            assertThat(descriptor.doCheckCredentialsId(job, "nas-login").kind, is(FormValidation.Kind.OK));
        }
        try (ACLContext ignored = ACL.as2(User.getById("developer", true).impersonate2())) {
            assertThat(descriptor.doCheckPlanText(job, "backupSets: [").kind, is(FormValidation.Kind.ERROR));
            assertThat(descriptor.doCheckCredentialsId(job, "nope").kind, is(FormValidation.Kind.WARNING));
        }
    }

    @Test
    void validationRefusesGetRequests() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        web.login("developer");

        Page page = web.goTo("job/secured/descriptorByName/" + BackupVerifyStep.class.getName()
                + "/fillCredentialsIdItems", null);

        assertThat(page.getWebResponse().getStatusCode(), greaterThanOrEqualTo(400));
    }
}
