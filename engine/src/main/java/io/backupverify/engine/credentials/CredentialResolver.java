package io.backupverify.engine.credentials;

import java.util.Map;

/**
 * How the engine obtains the credentials a plan names by id ({@code credentialsId:} on a target). The command line
 * reads them from the environment; Jenkins looks them up for the build and sends the values to the agent.
 */
@FunctionalInterface
public interface CredentialResolver {
    /** A resolver that knows no credentials. */
    CredentialResolver NONE = id -> {
        throw CredentialsUnavailableException.notFound(id);
    };

    /**
     * The credentials with this id.
     *
     * @throws CredentialsUnavailableException when the id is unknown; the message names the id
     */
    CredentialValue resolve(String id) throws CredentialsUnavailableException;

    /**
     * The credentials with this id, which must be of the given kind.
     *
     * @throws CredentialsUnavailableException when the id is unknown or of another kind
     */
    default <C extends CredentialValue> C resolve(String id, Class<C> kind, String kindName)
            throws CredentialsUnavailableException {
        CredentialValue value = resolve(id);
        if (!kind.isInstance(value)) {
            throw CredentialsUnavailableException.wrongKind(id, kindName, value.kind());
        }
        return kind.cast(value);
    }

    /** A resolver over values resolved beforehand, e.g. those Jenkins sent to the agent. */
    static CredentialResolver of(Map<String, ? extends CredentialValue> values) {
        Map<String, CredentialValue> copy = Map.copyOf(values);
        return id -> {
            CredentialValue value = copy.get(id);
            if (value == null) {
                throw CredentialsUnavailableException.notFound(id);
            }
            return value;
        };
    }
}
