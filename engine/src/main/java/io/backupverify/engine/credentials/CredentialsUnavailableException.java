package io.backupverify.engine.credentials;

/**
 * Credentials that could not be had: an unknown id, or an id of the wrong kind. The message names the id and never
 * contains a secret.
 */
public final class CredentialsUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public CredentialsUnavailableException(String message) {
        super(message);
    }

    public static CredentialsUnavailableException notFound(String id) {
        return new CredentialsUnavailableException("credentials '" + id + "' were not found");
    }

    public static CredentialsUnavailableException wrongKind(String id, String expected, String actual) {
        return new CredentialsUnavailableException(
                "credentials '" + id + "' are " + actual + ", but " + expected + " is needed");
    }
}
