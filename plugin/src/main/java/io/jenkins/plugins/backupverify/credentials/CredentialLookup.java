package io.jenkins.plugins.backupverify.credentials;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.PluginWrapper;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * Finds the credentials a plan names, for one build, and turns them into plain values for the agent. Credential
 * objects never leave the controller; ids that cannot be used travel as a reason, so the engine reports an ERROR that
 * names the id.
 */
public final class CredentialLookup {
    static final String AWS_PLUGIN = "aws-credentials";

    private CredentialLookup() {
    }

    /**
     * Resolves each id in the context of the build and records the use with {@code track}.
     *
     * @return one entry per id: the plain values, or the reason they cannot be had
     */
    public static Map<String, TransferredCredential> resolve(Collection<String> ids, Run<?, ?> run) {
        Map<String, TransferredCredential> resolved = new LinkedHashMap<>();
        for (String id : ids) {
            StandardCredentials credentials = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
            if (credentials == null) {
                resolved.put(id, TransferredCredential.unusable(
                        "credentials '" + id + "' were not found, or this build may not use them"));
                continue;
            }
            TransferredCredential value = toTransferOrReason(id, credentials);
            if (value.isUsable()) {
                CredentialsProvider.track(run, credentials);
            }
            resolved.put(id, value);
        }
        return resolved;
    }

    /**
     * The plain values, or why they cannot be had: a secret file that cannot be read or AWS keys that cannot be
     * resolved (a role that cannot be assumed) make the sets that need them ERROR, naming the id, instead of stopping
     * the step. The reason is the store's message, never a secret.
     */
    static TransferredCredential toTransferOrReason(String id, StandardCredentials credentials) {
        try {
            return toTransfer(id, credentials);
        } catch (IOException | RuntimeException e) {
            return TransferredCredential.unusable("credentials '" + id + "' could not be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    static TransferredCredential toTransfer(String id, StandardCredentials credentials) throws IOException {
        if (credentials instanceof SSHUserPrivateKey key) {
            return TransferredCredential.sshKey(key.getUsername(), String.join("\n", key.getPrivateKeys()),
                    Secret.toString(key.getPassphrase()));
        }
        if (credentials instanceof StandardUsernamePasswordCredentials login) {
            return TransferredCredential.usernamePassword(login.getUsername(), Secret.toString(login.getPassword()));
        }
        if (credentials instanceof StringCredentials text) {
            return TransferredCredential.secretText(Secret.toString(text.getSecret()));
        }
        if (credentials instanceof FileCredentials file) {
            try (InputStream content = file.getContent()) {
                return TransferredCredential.secretFile(file.getFileName(), content.readAllBytes());
            }
        }
        if (isAwsAvailable() && AwsCredentialsSupport.isAws(credentials)) {
            return AwsCredentialsSupport.toTransfer(credentials);
        }
        return TransferredCredential.unusable("credentials '" + id + "' are of a kind backup verification cannot use ("
                + credentials.getClass().getName() + "); use username and password, secret text, SSH private "
                + "key, secret file or AWS credentials");
    }

    /**
     * Whether the current user may see which credentials exist in this item (credentials consumer guidelines):
     * administrators at the root, and users who can configure (extended read) or use credentials in an item.
     */
    public static boolean mayList(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** Adds the credentials of the supported kinds that builds of this item could use. */
    public static void includeUsable(StandardListBoxModel model, @CheckForNull Item item) {
        model.includeMatchingAs(authenticationOf(item), item, StandardCredentials.class, List.of(), supportedKinds());
    }

    public static boolean isUsable(@CheckForNull Item item, String id) {
        return !CredentialsProvider.listCredentialsInItem(StandardCredentials.class, item, authenticationOf(item),
                List.of(), CredentialsMatchers.allOf(supportedKinds(), CredentialsMatchers.withId(id))).isEmpty();
    }

    @NonNull
    private static Authentication authenticationOf(@CheckForNull Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static CredentialsMatcher supportedKinds() {
        List<CredentialsMatcher> kinds = new ArrayList<>(List.of(
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class),
                CredentialsMatchers.instanceOf(SSHUserPrivateKey.class),
                CredentialsMatchers.instanceOf(FileCredentials.class)));
        if (isAwsAvailable()) {
            kinds.add(AwsCredentialsSupport.matcher());
        }
        return CredentialsMatchers.anyOf(kinds.toArray(new CredentialsMatcher[0]));
    }

    /** Whether the optional AWS Credentials plugin is installed and active, so its classes may be loaded. */
    static boolean isAwsAvailable() {
        PluginWrapper plugin = Jenkins.get().getPluginManager().getPlugin(AWS_PLUGIN);
        return plugin != null && plugin.isActive();
    }
}
