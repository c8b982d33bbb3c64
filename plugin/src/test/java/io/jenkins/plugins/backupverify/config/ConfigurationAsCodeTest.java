package io.jenkins.plugins.backupverify.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {
    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void theGlobalSettingsComeFromYamlAndExportBack(JenkinsConfiguredWithCodeRule j) throws Exception {
        BackupVerifyConfiguration configuration = BackupVerifyConfiguration.get();
        assertThat(configuration.getTrendBuilds(), is(120));
        assertThat(configuration.getHealthyPercent(), is(99));
        assertThat(configuration.getUnhealthyPercent(), is(90));

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode exported = Util.getUnclassifiedRoot(context).get("backupVerification");

        assertThat(Util.toYamlString(exported), is(Util.toStringFromYamlFile(this, "expected-export.yaml")));
    }
}
