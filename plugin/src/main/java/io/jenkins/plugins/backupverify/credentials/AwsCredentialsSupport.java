package io.jenkins.plugins.backupverify.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Everything that touches the optional AWS Credentials plugin. Only called after
 * {@link CredentialLookup#isAwsAvailable()}, so these classes are loaded only when that plugin is there.
 */
final class AwsCredentialsSupport {
    private AwsCredentialsSupport() {
    }

    static boolean isAws(StandardCredentials credentials) {
        return credentials instanceof AmazonWebServicesCredentials;
    }

    static CredentialsMatcher matcher() {
        return CredentialsMatchers.instanceOf(AmazonWebServicesCredentials.class);
    }

    /** Resolves the keys (assuming a role if the credentials say so) and keeps only their plain values. */
    static TransferredCredential toTransfer(StandardCredentials credentials) {
        AwsCredentials keys = ((AmazonWebServicesCredentials) credentials).resolveCredentials();
        String sessionToken = keys instanceof AwsSessionCredentials session ? session.sessionToken() : "";
        return TransferredCredential.awsKeys(keys.accessKeyId(), keys.secretAccessKey(), sessionToken);
    }
}
