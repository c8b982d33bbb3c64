package io.backupverify.engine.target.azure;

import io.backupverify.engine.credentials.AzureSas;
import io.backupverify.engine.credentials.AzureSharedKey;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.UsernamePassword;
import java.io.IOException;
import java.util.Base64;

/**
 * The Azure login a target's credentials hold. Besides the Azure kinds, hosts without them (Jenkins) store an account
 * key or a SAS token as secret text, the account coming from the target, or as a user name and password, the user
 * name being the account. A SAS token is recognised by its {@code sig} parameter, an account key by being Base64;
 * anything else is refused naming the id, never showing the value.
 */
final class AzureLogin {
    private AzureLogin() {
    }

    static CredentialValue of(String id, String targetAccount, CredentialValue given) throws IOException {
        if (given instanceof AzureSharedKey || given instanceof AzureSas) {
            return given;
        }
        if (given instanceof SecretText text) {
            return fromSecret(id, blankToEmpty(targetAccount), text.secret());
        }
        if (given instanceof UsernamePassword login) {
            String account = login.username().strip();
            String named = blankToEmpty(targetAccount);
            if (!named.isEmpty() && !account.isEmpty() && !named.equalsIgnoreCase(account)) {
                throw new IOException("credentials '" + id + "' are for the storage account '" + account
                        + "', but the target names the account '" + named + "'");
            }
            return fromSecret(id, account.isEmpty() ? named : account, login.password());
        }
        throw new IOException("credentials '" + id + "' are " + given.kind() + ", but an azure target needs an "
                + "Azure shared key or shared access signature (or secret text or a username and password holding "
                + "one)");
    }

    private static CredentialValue fromSecret(String id, String account, SecretValue secret) throws IOException {
        String value = secret.reveal().strip();
        if (isSas(value)) {
            return new AzureSas(account, SecretValue.of(value));
        }
        if (isAccountKey(value)) {
            if (account.isEmpty()) {
                throw new IOException("credentials '" + id + "' hold an account key but no account: set account "
                        + "in the plan's target");
            }
            return new AzureSharedKey(account, SecretValue.of(value));
        }
        throw new IOException("credentials '" + id + "' hold neither an Azure storage account key (Base64) nor a "
                + "shared access signature (a token with sig=)");
    }

    private static boolean isSas(String value) {
        String query = value.startsWith("?") ? value.substring(1) : value;
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("sig=") && parameter.length() > 4) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAccountKey(String value) {
        try {
            return Base64.getDecoder().decode(value).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
